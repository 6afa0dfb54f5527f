import type { LedgerDocumentDoc } from '../../server/features/ledger/ledger-docs'
import type { Database } from '../../server/kernel/database'
import type { DemoData } from './demo-data'

// The 台账's 文件清单 in the demo (issue 12): the two source documents the
// product is built on (shared/seeds 000 and 002), filed in every community's
// 2025 and 2026 ledgers as examples. They are entries without a file (format
// 'none', the note says so): the seed does not depend on a PDF library, and a
// made-up scan of an official document would be worse than none. Staff add
// real files from the ledger page. Written by id, so a second seed changes nothing.

const SOURCES = [
  {
    key: 'xihu-2013-2',
    title: '关于在职党员赴社区报到直接联系服务群众的工作意见（西组〔2013〕2号）',
    issuedBy: '中共杭州市西湖区委组织部',
    issuedAt: new Date('2013-01-04T00:00:00+08:00'),
    note: '示例：未附文件，原文附件1–4为报到登记表、服务活动登记表、汇总表和结对汇总表',
  },
  {
    key: 'wuzhou-ledger',
    title: '关于进一步做好“双报到”活动台账资料整理工作的补充通知',
    issuedBy: '中共梧州市委组织部',
    // The notice names 10月20日 and 10月30日 of 2015 but bears no date of its own.
    issuedAt: new Date('2015-10-15T00:00:00+08:00'),
    note: '示例：未附文件，原件未注明发文日期；规定台账分为五大类',
  },
] as const

export function buildDemoLedger(data: DemoData): { ledgerDocuments: LedgerDocumentDoc[] } {
  const ledgerDocuments: LedgerDocumentDoc[] = []
  for (const community of data.communities) {
    const staffUser = data.users.find((u) => u.grants.some((g) => g.role === 'staff' && g.scope.communityId === community._id))
    for (const year of [2025, 2026]) {
      for (const source of SOURCES) {
        ledgerDocuments.push({
          _id: `demo-ledgerdoc-${community._id}-${year}-${source.key}`,
          communityId: community._id,
          streetId: community.streetId,
          districtId: community.districtId,
          year,
          title: source.title,
          issuedBy: source.issuedBy,
          issuedAt: source.issuedAt,
          fileId: null,
          format: 'none',
          note: source.note,
          uploadedBy: staffUser?._id ?? 'demo-seed',
          uploadedAt: new Date(`${year}-03-01T09:00:00+08:00`),
        })
      }
    }
  }
  return { ledgerDocuments }
}

export async function seedDemoLedger(db: Database, data: DemoData): Promise<void> {
  for (const { _id, ...doc } of buildDemoLedger(data).ledgerDocuments) await db.collection('ledgerDocuments').doc(_id).set({ data: doc })
}
