export default definePageConfig({
  navigationBarTitleText: '年度关账',
})
