export default definePageConfig({
  navigationBarTitleText: '在职党员进社区服务清单',
})
