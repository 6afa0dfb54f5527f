export default definePageConfig({
  navigationBarTitleText: '服务需求征集记录',
})
