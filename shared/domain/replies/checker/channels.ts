/** Where a reply is sent. The checker only limits length where the channel itself does. */
export const replyChannels = ['navi', 'mercari', 'email'] as const;
export type ReplyChannel = (typeof replyChannels)[number];

/**
 * Characters a message may have, counted as Unicode characters (an emoji is one).
 * Neither marketplace publishes the limit in a place we could cite, so these are deliberately
 * the lower of the figures sellers report: 取引ナビ is commonly given as 全角500文字 and
 * メルカリ 取引メッセージ as 1,000文字. A message within these always goes through. E-mail has no limit.
 * Change them here if a marketplace changes its form.
 */
export const channelLimits: Record<ReplyChannel, number | null> = {
  navi: 500,
  mercari: 1000,
  email: null,
};
