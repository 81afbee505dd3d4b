import type { Messages } from '../messages';

/** English for the `dealList` section (see deal-list.ja.ts). */
export const dealListEn: Messages['dealList'] = {
  totalMore: '{{n}}+ deals',
  totalMoreFiltered: '{{n}}+ matching deals',
  itemsMore: '{{first}} and {{n}} more',
  bulkLimitNoteMore:
    'Bulk actions take up to {{limit}} deals at a time (more than that match). Narrow the filters to act on the rest.',
  unassigned: 'Unassigned',
  /** One year in a parser note's list of years (joined by separators.dot). */
  naviYear: '{{year}}',
  naviNotes: {
    too_long: 'The pasted text is too long (only the first {{maxChars}} characters were read)',
    empty: 'The pasted text is empty',
    nothing_found:
      'No 取引ナビ fields were found. Select the whole 取引ナビ page, copy it and paste it again',
    clock_invalid: "This computer's date is wrong, so dates without a year could not be read",
    date_unreadable: 'A date could not be read ("{{text}}")',
    leap_day:
      '{{month}}/{{day}} was read as a date in the latest leap year ({{year}}). Please check the year',
    year_inferred: 'The year of the dates was guessed ({{years}})',
    name_guessed: 'No name field was found, so "{{name}}" was taken as the name. Please check it',
    no_prefecture: 'The address has no prefecture. Please check the address',
    postal_code_invalid: 'The postal code does not have 7 digits ("{{text}}")',
    phone_invalid: 'The phone number has the wrong number of digits ("{{text}}")',
    status_unreadable: 'The deal status could not be read ("{{text}}")',
  },
};
