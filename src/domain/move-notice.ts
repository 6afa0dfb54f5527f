// A member who moves reports to their unit and their former community, then
// to the new one (西组〔2013〕2号 §四.4). When the new community records the
// report, the unit is told in these words.
export function moveNoticeText(memberName: string, fromCommunity: string, toCommunity: string): string {
  return `${memberName}同志居住社区由${fromCommunity}变更为${toCommunity}`
}
