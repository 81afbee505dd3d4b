import type { CaseDto, CaseOptionDto } from '../../../../shared/contract';
import type { AftercareStepKind } from '../../../../shared/domain/aftercare';
import type { CaseState } from '../../../../shared/domain/cases';
import type { ComplaintPurpose } from '../../../../shared/domain/replies';
import type { ComposeCaseContext } from '../../components/Compose/compose-model';
import { complaintsJa } from '../../i18n/sections/complaints.ja';

/** The message each after-care step sends: +7 d check-in, +6 mo letter, +1 y thank-you. */
const aftercarePurpose: Record<AftercareStepKind, ComplaintPurpose> = {
  checkin: 'aftercare_week',
  message: 'aftercare_half_year',
  thanks: 'aftercare_year',
};

/** The after-care step the next message is for: the first still open, else the last one planned. */
function aftercareStep(kase: CaseDto): AftercareStepKind | null {
  const steps = [...kase.aftercare].sort((a, b) => a.stepNo - b.stepNo);
  return (steps.find((s) => s.state === 'open') ?? steps.at(-1))?.stepKind ?? null;
}

/**
 * The complaint message a case needs in its current state: 受付 → 一次受付, 調査中 → 状況のご報告,
 * 提案済み → ご提案, 合意/解決 → お詫びと解決のご連絡, アフターケア/完了 → the after-care step's message.
 */
export function purposeForCase(kase: CaseDto): ComplaintPurpose {
  const byState: Record<CaseState, ComplaintPurpose | null> = {
    received: 'complaint_ack',
    investigating: 'complaint_update',
    proposed: 'complaint_proposal',
    agreed: 'complaint_resolved',
    resolved: 'complaint_resolved',
    aftercare: null,
    closed: null,
  };
  const step = aftercareStep(kase);
  return byState[kase.state] ?? (step ? aftercarePurpose[step] : 'complaint_resolved');
}

const yen = new Intl.NumberFormat('ja-JP');

/**
 * One option as the buyer reads it, in Japanese whatever the app's language (the message is Japanese):
 * "一部返金（1,500円）：送料分" .
 */
export function optionText(option: Pick<CaseOptionDto, 'kind' | 'amount' | 'note'>): string {
  const amount = option.amount !== null ? `（${yen.format(option.amount)}円）` : '';
  const note = option.note.trim() ? `：${option.note.trim()}` : '';
  return `${complaintsJa.optionKinds[option.kind]}${amount}${note}`;
}

/** The earliest open promise: its date is the one the next reply names. */
function openPromiseDue(kase: CaseDto): string | null {
  const open = kase.promises.filter((p) => p.state === 'open').map((p) => p.dueAt);
  return open.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

/** What Compose needs to know about a case: the complaint facts for the checker and the placeholders. */
export function composeContextFor(kase: CaseDto): ComposeCaseContext {
  return {
    complaint: true,
    purpose: purposeForCase(kase),
    buyerName: kase.customer?.name ?? kase.customerName ?? null,
    optionsOffered: kase.options.length > 0,
    loggedAt: kase.createdAt,
    options: kase.options.map(optionText),
    improvement: kase.improvement.trim() || null,
    promisedDate: openPromiseDue(kase),
  };
}
