import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { marketplaceNames, marketplaces, type Marketplace } from '../../../../shared/domain/marketplaces';
import type { NaviPasteResult } from '../../../../shared/domain/navi-paste';
import { stepKinds, type StepKind } from '../../../../shared/domain/steps';
import { PREFECTURES, parseYen } from '../../../../shared/domain/text';
import { FormError } from '../../components/FormError/FormError';
import { NaviPasteBox } from '../../components/NaviPasteBox/NaviPasteBox';
import { formatYen } from '../../i18n/deal-format';
import { useApiMutation } from '../../hooks/useApi';
import { dealFieldErrors } from './deal-form-errors';
import {
  applyPaste,
  checkLocally,
  emptyDealForm,
  emptyItem,
  toCreateInput,
  type DealFormValues,
} from './deal-form-model';
import { listSearch } from './selection';

const LAST_MARKETPLACE = 'torihiki.newDeal.marketplace';

function lastMarketplace(): Marketplace {
  const saved = window.localStorage.getItem(LAST_MARKETPLACE);
  return (marketplaces as readonly string[]).includes(saved ?? '') ? (saved as Marketplace) : 'yahoo_auction';
}

/** A new deal typed in, or pasted from 取引ナビ and checked; nothing is written until it is valid. */
export function NewDealPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<DealFormValues>(() => emptyDealForm(lastMarketplace(), new Date()));
  const [filled, setFilled] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation('deals.create');
  // After a failed save, the first field with a message gets the focus (and is scrolled to), once the
  // messages are on screen.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstError = () => setFocusRequest((n) => n + 1);

  const completedKinds = stepKinds.filter((k) => values.completed[k].done);
  const change = (patch: (v: DealFormValues) => DealFormValues, paths: string[] = []) => {
    setValues(patch);
    if (paths.length) {
      setErrors((old) => {
        const next = { ...old };
        for (const p of paths) delete next[p];
        return next;
      });
    }
  };

  const onPaste = (result: NaviPasteResult) => {
    const applied = applyPaste(values, result, new Date());
    setValues(applied.values);
    setFilled(applied.filled);
    setErrors({});
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const input = toCreateInput(values);
    const issues = checkLocally(input);
    if (issues.length > 0) {
      setErrors(dealFieldErrors({ issues }, t, completedKinds));
      focusFirstError();
      return;
    }
    setErrors({});
    create.mutate(input, {
      onSuccess: (deal) => {
        window.localStorage.setItem(LAST_MARKETPLACE, deal.marketplace);
        notifications.show({ color: 'green', message: t('dealForm.created', { id: deal.externalId }) });
        void navigate(`/deals/${deal.id}`, { replace: true });
      },
      onError: (error) => {
        setErrors(dealFieldErrors(error, t, completedKinds));
        focusFirstError();
      },
    });
  };

  const hl = (path: string) =>
    filled.has(path) ? { input: { backgroundColor: 'var(--mantine-color-cyan-0)' } } : undefined;
  const err = (path: string) => errors[path];
  // With "same as buyer", ship-to name/kana/phone problems belong to the buyer's boxes.
  const buyerErr = (field: 'name' | 'kana' | 'phone') =>
    errors[`buyer.${field}`] ?? (values.sameAsBuyer ? errors[`shipTo.${field}`] : undefined);

  const itemsTotal = values.items.reduce((sum, it) => {
    const price = parseYen(it.unitPrice);
    const qty = Number(it.quantity);
    return price !== null && Number.isInteger(qty) && qty > 0 ? sum + price * qty : sum;
  }, 0);
  const shipping = parseYen(values.shippingFee) ?? 0;

  // Ship-to problems shown in the buyer's boxes ("same as buyer") count once.
  const fieldErrorCount = Object.keys(errors).filter(
    (k) =>
      !(values.sameAsBuyer && /^shipTo\.(name|kana|phone)$/.test(k) && errors[k.replace('shipTo', 'buyer')]),
  ).length;
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={`/deals${listSearch()}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('dealDetail.back')}
        </Group>
      </Anchor>
      <div>
        <Title order={1} fz="h2">
          {t('dealForm.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dealForm.description')}
        </Text>
      </div>
      <NaviPasteBox onApply={onPaste} />
      <form
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
        aria-label={t('dealForm.title')}
      >
        <Stack gap="md">
          {filled.size > 0 && (
            <Text size="sm" c="teal.8">
              {t('navi.filledLegend')}
            </Text>
          )}
          {fieldErrorCount > 0 && (
            <Alert color="red" variant="light" role="alert" data-testid="form-errors">
              {t('dealForm.hasErrors', { n: fieldErrorCount })}
            </Alert>
          )}
          <FormError error={create.error} />

          <Section title={t('dealForm.sectionDeal')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('dealForm.marketplace')}
                data={marketplaces.map((m) => ({ value: m, label: marketplaceNames[m] }))}
                value={values.marketplace}
                onChange={(m) =>
                  m && change((v) => ({ ...v, marketplace: m as Marketplace }), ['externalId'])
                }
                allowDeselect={false}
                searchable
                required
                styles={hl('marketplace')}
              />
              <TextInput
                label={t('dealForm.externalId')}
                description={t('dealForm.externalIdHint')}
                value={values.externalId}
                onChange={(e) => {
                  const externalId = e.currentTarget.value;
                  change((v) => ({ ...v, externalId }), ['externalId']);
                }}
                error={err('externalId')}
                required
                maxLength={120}
                styles={hl('externalId')}
                data-autofocus
                autoFocus
              />
              <TextInput
                type="datetime-local"
                label={t('dealForm.orderedAt')}
                description={t('dealForm.tokyoTime')}
                value={values.orderedAt}
                onChange={(e) => {
                  const orderedAt = e.currentTarget.value;
                  change((v) => ({ ...v, orderedAt }), ['orderedAt']);
                }}
                error={err('orderedAt')}
                required
                styles={hl('orderedAt')}
              />
              <TextInput
                label={t('dealForm.deliveryMethod')}
                description={t('dealForm.deliveryMethodHint')}
                value={values.deliveryMethod}
                onChange={(e) => {
                  const deliveryMethod = e.currentTarget.value;
                  change((v) => ({ ...v, deliveryMethod }), ['deliveryMethod']);
                }}
                error={err('deliveryMethod')}
                maxLength={100}
                styles={hl('deliveryMethod')}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('dealForm.sectionItems')}>
            <Stack gap="xs">
              {err('items') && (
                <Text size="sm" c="red">
                  {err('items')}
                </Text>
              )}
              {values.items.map((item, i) => {
                const setItem = (patch: Partial<typeof item>, path: string) =>
                  change(
                    (v) => ({ ...v, items: v.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) }),
                    [`items.${i}.${path}`],
                  );
                return (
                  <Group key={item.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="item-row">
                    <TextInput
                      label={i === 0 ? t('dealForm.itemName') : undefined}
                      aria-label={t('dealForm.itemNameN', { n: i + 1 })}
                      value={item.name}
                      onChange={(e) => setItem({ name: e.currentTarget.value }, 'name')}
                      error={err(`items.${i}.name`)}
                      style={{ flex: '1 1 auto', minWidth: 0 }}
                      maxLength={200}
                      styles={hl(`items.${i}.name`)}
                      required={i === 0}
                    />
                    <TextInput
                      label={i === 0 ? t('dealForm.sku') : undefined}
                      aria-label={t('dealForm.skuN', { n: i + 1 })}
                      value={item.sku}
                      onChange={(e) => setItem({ sku: e.currentTarget.value }, 'sku')}
                      error={err(`items.${i}.sku`)}
                      w={120}
                      maxLength={100}
                    />
                    <TextInput
                      label={i === 0 ? t('dealForm.quantity') : undefined}
                      aria-label={t('dealForm.quantityN', { n: i + 1 })}
                      value={item.quantity}
                      onChange={(e) => setItem({ quantity: e.currentTarget.value }, 'quantity')}
                      error={err(`items.${i}.quantity`)}
                      w={80}
                      inputMode="numeric"
                      styles={{ input: { textAlign: 'right' } }}
                    />
                    <TextInput
                      label={i === 0 ? t('dealForm.unitPrice') : undefined}
                      aria-label={t('dealForm.unitPriceN', { n: i + 1 })}
                      value={item.unitPrice}
                      onChange={(e) => setItem({ unitPrice: e.currentTarget.value }, 'unitPrice')}
                      error={err(`items.${i}.unitPrice`)}
                      w={130}
                      inputMode="numeric"
                      leftSection="¥"
                      styles={{
                        input: {
                          textAlign: 'right',
                          ...(filled.has(`items.${i}.unitPrice`)
                            ? { backgroundColor: 'var(--mantine-color-cyan-0)' }
                            : {}),
                        },
                      }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      mt={i === 0 ? 25 : 0}
                      aria-label={t('dealForm.removeItem', { n: i + 1 })}
                      disabled={values.items.length === 1}
                      onClick={() => change((v) => ({ ...v, items: v.items.filter((_, j) => j !== i) }))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              })}
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => change((v) => ({ ...v, items: [...v.items, emptyItem()] }))}
                  disabled={values.items.length >= 200}
                >
                  {t('dealForm.addItem')}
                </Button>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('dealForm.shippingFee')}
                    value={values.shippingFee}
                    onChange={(e) => {
                      const shippingFee = e.currentTarget.value;
                      change((v) => ({ ...v, shippingFee }), ['shippingFee']);
                    }}
                    error={err('shippingFee')}
                    w={130}
                    leftSection="¥"
                    inputMode="numeric"
                    styles={{
                      input: {
                        textAlign: 'right',
                        ...(filled.has('shippingFee')
                          ? { backgroundColor: 'var(--mantine-color-cyan-0)' }
                          : {}),
                      },
                    }}
                  />
                  <TextInput
                    label={t('dealForm.fee')}
                    description={t('dealForm.feeHint')}
                    value={values.fee}
                    onChange={(e) => {
                      const fee = e.currentTarget.value;
                      change((v) => ({ ...v, fee }), ['fee']);
                    }}
                    error={err('fee')}
                    w={150}
                    leftSection="¥"
                    inputMode="numeric"
                    styles={{ input: { textAlign: 'right' } }}
                  />
                </Group>
              </Group>
              <Text ta="right" size="sm" fw={700} data-testid="form-total">
                {t('dealForm.totalLine', {
                  items: formatYen(itemsTotal),
                  shipping: formatYen(shipping),
                  total: formatYen(itemsTotal + shipping),
                })}
              </Text>
            </Stack>
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={t('dealForm.sectionBuyer')}>
              <Stack gap="sm">
                <TextInput
                  label={t('dealForm.name')}
                  value={values.buyer.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    change((v) => ({ ...v, buyer: { ...v.buyer, name } }), ['buyer.name', 'shipTo.name']);
                  }}
                  error={buyerErr('name')}
                  maxLength={120}
                  styles={hl('buyer.name')}
                />
                <TextInput
                  label={t('dealForm.kana')}
                  value={values.buyer.kana}
                  onChange={(e) => {
                    const kana = e.currentTarget.value;
                    change((v) => ({ ...v, buyer: { ...v.buyer, kana } }), ['buyer.kana', 'shipTo.kana']);
                  }}
                  error={buyerErr('kana')}
                  maxLength={120}
                  styles={hl('buyer.kana')}
                />
                <SimpleGrid cols={2} spacing="sm">
                  <TextInput
                    label={t('dealForm.phone')}
                    value={values.buyer.phone}
                    onChange={(e) => {
                      const phone = e.currentTarget.value;
                      change(
                        (v) => ({ ...v, buyer: { ...v.buyer, phone } }),
                        ['buyer.phone', 'shipTo.phone'],
                      );
                    }}
                    error={buyerErr('phone')}
                    inputMode="tel"
                    maxLength={40}
                    styles={hl('buyer.phone')}
                  />
                  <TextInput
                    label={t('dealForm.handle')}
                    value={values.buyer.handle}
                    onChange={(e) => {
                      const handle = e.currentTarget.value;
                      change((v) => ({ ...v, buyer: { ...v.buyer, handle } }), ['buyer.handle']);
                    }}
                    error={err('buyer.handle')}
                    maxLength={120}
                    styles={hl('buyer.handle')}
                  />
                </SimpleGrid>
                <TextInput
                  label={t('dealForm.email')}
                  type="email"
                  value={values.buyer.email}
                  onChange={(e) => {
                    const email = e.currentTarget.value;
                    change((v) => ({ ...v, buyer: { ...v.buyer, email } }), ['buyer.email']);
                  }}
                  error={err('buyer.email')}
                  maxLength={254}
                />
              </Stack>
            </Section>

            <Section title={t('dealForm.sectionShipTo')}>
              <Stack gap="sm">
                <Checkbox
                  label={t('dealForm.sameAsBuyer')}
                  checked={values.sameAsBuyer}
                  onChange={(e) => {
                    const sameAsBuyer = e.currentTarget.checked;
                    change((v) => ({ ...v, sameAsBuyer }));
                  }}
                />
                {!values.sameAsBuyer && (
                  <SimpleGrid cols={2} spacing="sm">
                    <TextInput
                      label={t('dealForm.shipName')}
                      value={values.shipTo.name}
                      onChange={(e) => {
                        const name = e.currentTarget.value;
                        change((v) => ({ ...v, shipTo: { ...v.shipTo, name } }), ['shipTo.name']);
                      }}
                      error={err('shipTo.name')}
                      maxLength={120}
                    />
                    <TextInput
                      label={t('dealForm.shipPhone')}
                      value={values.shipTo.phone}
                      onChange={(e) => {
                        const phone = e.currentTarget.value;
                        change((v) => ({ ...v, shipTo: { ...v.shipTo, phone } }), ['shipTo.phone']);
                      }}
                      error={err('shipTo.phone')}
                      inputMode="tel"
                      maxLength={40}
                    />
                  </SimpleGrid>
                )}
                <SimpleGrid cols={2} spacing="sm">
                  <TextInput
                    label={t('dealForm.postalCode')}
                    placeholder="123-4567"
                    value={values.shipTo.postalCode}
                    onChange={(e) => {
                      const postalCode = e.currentTarget.value;
                      change((v) => ({ ...v, shipTo: { ...v.shipTo, postalCode } }), ['shipTo.postalCode']);
                    }}
                    error={err('shipTo.postalCode')}
                    leftSection="〒"
                    inputMode="numeric"
                    maxLength={12}
                    styles={hl('shipTo.postalCode')}
                  />
                  <Select
                    label={t('dealForm.prefecture')}
                    data={[...PREFECTURES]}
                    value={values.shipTo.prefecture || null}
                    onChange={(p) => change((v) => ({ ...v, shipTo: { ...v.shipTo, prefecture: p ?? '' } }))}
                    error={err('shipTo.prefecture')}
                    searchable
                    clearable
                    styles={hl('shipTo.prefecture')}
                  />
                </SimpleGrid>
                <TextInput
                  label={t('dealForm.address1')}
                  value={values.shipTo.address1}
                  onChange={(e) => {
                    const address1 = e.currentTarget.value;
                    change((v) => ({ ...v, shipTo: { ...v.shipTo, address1 } }), ['shipTo.address1']);
                  }}
                  error={err('shipTo.address1')}
                  maxLength={220}
                  styles={hl('shipTo.address1')}
                />
                <TextInput
                  label={t('dealForm.address2')}
                  value={values.shipTo.address2}
                  onChange={(e) => {
                    const address2 = e.currentTarget.value;
                    change((v) => ({ ...v, shipTo: { ...v.shipTo, address2 } }), ['shipTo.address2']);
                  }}
                  error={err('shipTo.address2')}
                  maxLength={220}
                  styles={hl('shipTo.address2')}
                />
              </Stack>
            </Section>
          </SimpleGrid>

          <Section title={t('dealForm.sectionSteps')} description={t('dealForm.stepsHint')}>
            <Stack gap={6}>
              {(err('completed') || err('completed.')) && (
                <Text size="sm" c="red">
                  {err('completed') ?? err('completed.')}
                </Text>
              )}
              {stepKinds.map((kind: StepKind) => {
                const c = values.completed[kind];
                const path = `completed.${kind}`;
                return (
                  <Group
                    key={kind}
                    gap="sm"
                    wrap="nowrap"
                    align="flex-start"
                    data-testid={`completed-${kind}`}
                  >
                    <Checkbox
                      label={t(`steps.kinds.${kind}`)}
                      checked={c.done}
                      onChange={(e) => {
                        const done = e.currentTarget.checked;
                        change(
                          (v) => ({
                            ...v,
                            completed: {
                              ...v.completed,
                              [kind]: { done, at: v.completed[kind].at || v.orderedAt },
                            },
                          }),
                          [path],
                        );
                      }}
                      w={90}
                      mt={8}
                      styles={
                        filled.has(path)
                          ? { label: { color: 'var(--mantine-color-cyan-9)', fontWeight: 700 } }
                          : undefined
                      }
                    />
                    {c.done && (
                      <TextInput
                        type="datetime-local"
                        aria-label={t('dealForm.doneAt', { step: t(`steps.kinds.${kind}`) })}
                        value={c.at}
                        onChange={(e) => {
                          const at = e.currentTarget.value;
                          change(
                            (v) => ({ ...v, completed: { ...v.completed, [kind]: { done: true, at } } }),
                            [path],
                          );
                        }}
                        error={err(path)}
                        w={220}
                        styles={hl(path)}
                      />
                    )}
                  </Group>
                );
              })}
            </Stack>
          </Section>

          <Section title={t('dealForm.sectionNotes')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Textarea
                label={t('dealForm.notes')}
                value={values.notes}
                onChange={(e) => {
                  const notes = e.currentTarget.value;
                  change((v) => ({ ...v, notes }), ['notes']);
                }}
                error={err('notes')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={10_000}
              />
              <TagsInput
                label={t('dealForm.tags')}
                description={t('dealForm.tagsHint')}
                value={values.tags}
                onChange={(tags) => change((v) => ({ ...v, tags }), ['tags'])}
                error={Object.entries(errors).find(([k]) => k.startsWith('tags'))?.[1]}
                maxTags={20}
              />
            </SimpleGrid>
          </Section>

          <Group justify="flex-end" gap="sm">
            <Text size="xs" c="dimmed">
              {t('dealForm.submitHint')}
            </Text>
            <Button variant="default" onClick={() => void navigate(`/deals${listSearch()}`)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('dealForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title
        order={2}
        fz="h4"
        mb={description ? 2 : 'sm'}
        component="legend"
        style={{ padding: 0, float: 'left', width: '100%' }}
      >
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm" style={{ clear: 'both' }}>
          {description}
        </Text>
      )}
      <div style={{ clear: 'both' }}>{children}</div>
    </Paper>
  );
}
