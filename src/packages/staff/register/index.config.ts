export default definePageConfig({
  navigationBarTitleText: '在职党员参与社区服务活动情况登记表',
})
