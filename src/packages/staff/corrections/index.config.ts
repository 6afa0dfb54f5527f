export default definePageConfig({
  navigationBarTitleText: '核对请求',
})
