export default definePageConfig({
  navigationBarTitleText: '结对联系服务群众情况汇总表',
})
