// The service catalog of 附件1 (西组〔2013〕2号). Every community starts with it
// and may add posts of its own; 个人自选 takes free text.

export interface CatalogCategory {
  key: string
  name: string
  kind: 'community' | 'volunteer' | 'custom'
  items: ReadonlyArray<{ name: string; description?: string }>
}

export const SERVICE_CATALOG: readonly CatalogCategory[] = [
  { key: 'management', name: '社区管理协助项目', kind: 'community', items: [{ name: '顾问员' }, { name: '民情联络员' }, { name: '政策宣讲员' }] },
  {
    key: 'convenience',
    name: '便民服务项目',
    kind: 'community',
    items: [{ name: '医疗保健' }, { name: '水电维修' }, { name: '小家电维修' }, { name: '网络维护' }, { name: '理发' }, { name: '其他' }],
  },
  { key: 'stability', name: '综治维稳项目', kind: 'community', items: [{ name: '巡逻' }, { name: '法律援助' }, { name: '帮教' }] },
  { key: 'culture', name: '文体指导项目', kind: 'community', items: [{ name: '书画类' }, { name: '歌舞类' }, { name: '棋类' }, { name: '球类' }] },
  { key: 'pairing', name: '结对帮扶项目', kind: 'community', items: [{ name: '助老' }, { name: '助残' }, { name: '助学' }, { name: '助困' }] },
  { key: 'civility', name: '文明城市项目', kind: 'community', items: [{ name: '卫生整治' }, { name: '公益宣传' }] },
  {
    key: 'volunteer',
    name: '志愿专业服务项目',
    kind: 'volunteer',
    items: [
      { name: '健康服务', description: '疾病预防、健康咨询、医疗义诊等' },
      { name: '心理疏导', description: '心理沟通、心理咨询等' },
      { name: '青少年教育', description: '课业辅导、德育教育、综合素质拓展等' },
      { name: '慰老服务', description: '生活帮助、精神慰藉等' },
      { name: '法律援助咨询', description: '民事纠纷处理、青少年维权等' },
      { name: '文化服务', description: '书画、歌舞、棋类等指导' },
      { name: '生活服务', description: '物品维修、网络维护等' },
      { name: '政策咨询', description: '城市管理、失业就业、计划生育等' },
      { name: '文明引导', description: '垃圾分类宣传、文明劝导等' },
      { name: '调解促和', description: '搜集社情民意、“和事佬”调解等' },
    ],
  },
  { key: 'custom', name: '个人自选项目', kind: 'custom', items: [] },
]

/** The category of the 志愿专业服务 items, which the 区志愿者工作指导中心 coordinates across communities (002 §三.4). */
export const VOLUNTEER_CATEGORY = 'volunteer'

/** A member claims at least this many service projects when reporting (附件1, §三.1). */
export const MIN_CLAIMS = 2
