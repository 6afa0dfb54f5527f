export default definePageConfig({
  navigationBarTitleText: '我的年度记录',
})
