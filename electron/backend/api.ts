import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import * as activity from './activity/service';
import * as backups from './backups/service';
import * as aftercare from './cases/aftercare';
import * as promises from './cases/promises';
import * as cases from './cases/service';
import * as caseSettings from './cases/settings';
import { stats as caseStats } from './cases/stats';
import * as followups from './followups/service';
import * as customerDuplicates from './customers/duplicates';
import * as customerMerge from './customers/merge';
import * as customers from './customers/service';
import * as dealList from './deals/list';
import * as deals from './deals/service';
import * as steps from './deals/steps';
import type { ServiceContext } from './context';
import { seedDemo } from './demo/seed';
import { history as importHistory } from './importer/history';
import * as importMappings from './importer/mappings';
import { exportCsv } from './export/service';
import * as importer from './importer/service';
import * as labels from './labels/service';
import * as shop from './labels/shop';
import { undo as importUndo } from './importer/undo';
import * as members from './members/service';
import * as search from './search/service';
import * as settings from './settings/service';
import * as system from './system/service';
import * as templateProfile from './templates/profile';
import * as templates from './templates/service';
import * as today from './today/service';
import { importTracking } from './tracking/service';
import * as workflows from './workflows/service';

/** Query handlers may be async (backups and restore work on files); command handlers never are: they run in one transaction. */
export type Handler<M extends MethodName> = (
  ctx: ServiceContext,
  input: ParsedInputOf<M>,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** Binds every contract method to its service function; the type makes a missing binding a compile error. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'system.info': (ctx) => system.info(ctx),
  'settings.get': (ctx) => settings.getSettings(ctx),
  'settings.update': settings.updateSettings,
  'activity.list': activity.list,
  'demo.seed': (ctx, input) => seedDemo(ctx, input),
  'members.list': members.list,
  'members.create': members.create,
  'members.update': members.update,
  'members.setPin': members.setPin,
  'members.archive': members.archive,
  'session.get': (ctx) => members.getSession(ctx),
  'session.switch': members.switchMember,
  'deals.list': dealList.list,
  'deals.ids': dealList.ids,
  'deals.get': deals.get,
  'deals.create': deals.create,
  'deals.update': deals.update,
  'deals.cancel': deals.cancel,
  'deals.reopen': deals.reopen,
  'steps.update': steps.update,
  'deals.bulk': steps.bulk,
  'workflows.list': (ctx) => workflows.list(ctx),
  'workflows.update': workflows.update,
  'today.get': today.get,
  'imports.formats': () => importer.formats(),
  'imports.preview': importer.preview,
  'imports.rows': importer.rows,
  'imports.issues': importer.issues,
  'imports.commit': importer.commit,
  'imports.cancel': importer.cancel,
  'imports.history': importHistory,
  'imports.undo': importUndo,
  'mappings.list': (ctx) => importMappings.list(ctx),
  'mappings.save': importMappings.save,
  'mappings.delete': importMappings.remove,
  'customers.list': customers.list,
  'customers.get': customers.get,
  'customers.update': customers.update,
  'customers.removeIdentity': customers.removeIdentity,
  'customers.duplicates': customerDuplicates.duplicates,
  'customers.dismissDuplicate': customerMerge.dismissDuplicate,
  'customers.merge': customerMerge.merge,
  'customers.split': customerMerge.split,
  'wishes.add': customers.addWish,
  'wishes.update': customers.updateWish,
  'wishes.remove': customers.removeWish,
  'search.query': search.query,
  'templates.list': templates.list,
  'templates.get': templates.get,
  'templates.save': templates.save,
  'templates.copy': templates.copy,
  'templates.remove': templates.remove,
  'templates.reset': templates.reset,
  'templates.profile': (ctx) => templateProfile.profile(ctx),
  'templates.saveProfile': templateProfile.saveProfile,
  'shop.get': (ctx) => shop.getShopProfile(ctx),
  'shop.update': shop.updateShopProfile,
  'labels.check': labels.check,
  'labels.export': labels.exportLabels,
  'tracking.import': importTracking,
  'exports.csv': exportCsv,
  'backups.status': backups.status,
  'backups.configure': backups.configure,
  'backups.now': backups.now,
  'backups.restore': backups.restore,
  'backups.undoRestore': backups.undoRestore,
  'cases.list': cases.list,
  'cases.get': cases.get,
  'cases.create': cases.create,
  'cases.update': cases.update,
  'cases.addEntry': cases.addEntry,
  'cases.move': cases.move,
  'cases.addOption': cases.addOption,
  'cases.chooseOption': cases.chooseOption,
  'cases.removeOption': cases.removeOption,
  'promises.create': promises.create,
  'promises.settle': promises.settle,
  'cases.stats': (ctx) => caseStats(ctx),
  'cases.settings': (ctx) => caseSettings.getSettings(ctx),
  'cases.updateSettings': caseSettings.updateSettings,
  'aftercare.plans': (ctx) => aftercare.plans(ctx),
  'aftercare.savePlan': aftercare.savePlan,
  'aftercare.archivePlan': aftercare.archivePlan,
  'followups.list': followups.list,
  'followups.status': (ctx) => followups.getStatus(ctx),
  'followups.create': followups.create,
  'followups.snooze': followups.snooze,
  'followups.reassign': followups.reassign,
  'followups.done': followups.done,
};
