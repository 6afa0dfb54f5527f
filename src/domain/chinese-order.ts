// Names sort the way a Chinese reader expects a list (by pinyin), with the id
// as a tie-break so that paging over equal names is stable.
const collator = new Intl.Collator('zh-CN-u-co-pinyin')

export function compareChinese(a: string, b: string): number {
  return collator.compare(a, b)
}

export function byNameThenId<T extends { name: string; _id: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
}
