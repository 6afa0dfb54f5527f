import type { Tab } from '../domain/menu'

// What a tab is for, shown when the signed-in role has no entry on it, so an
// empty tab explains itself instead of looking broken.
export const TAB_INTRO: Record<Tab, { title: string; text: string }> = {
  home: {
    title: '首页暂无您的工作入口',
    text: '首页汇集单位、社区和组织部门的常用工作入口。您当前的身份在这里没有需要办理的事项，可到“报到”“活动”“需求”栏目查看。',
  },
  report: {
    title: '报到栏目暂无可办理事项',
    text: '报到栏目供在职党员出示联系证、填写报到登记表，供社区工作人员扫码登记报到、维护服务岗位。您当前的身份无需在此办理。',
  },
  activities: {
    title: '活动栏目暂无可办理事项',
    text: '活动栏目供在职党员扫码签到、记录服务清单，供社区和单位党组织发布、组织服务活动。您当前的身份暂无活动事项。',
  },
  needs: {
    title: '需求栏目暂无可办理事项',
    text: '需求栏目供居民提交服务需求、跟踪办理进度，供社区工作人员受理需求并匹配服务岗位和党员。您当前的身份暂无需求事项。',
  },
  mine: {
    title: '暂无个人记录',
    text: '在职党员可在这里查看本年度的报到、活动、服务与评价记录。',
  },
}
