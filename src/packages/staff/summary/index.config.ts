export default definePageConfig({
  navigationBarTitleText: '在职党员信息汇总表',
})
