// Chinese names of input fields, so a validation message can say which
// field is wrong in words the user sees on the form.
export const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  name: '姓名',
  gender: '性别',
  birthMonth: '出生年月',
  joinPartyMonth: '入党时间',
  education: '文化程度',
  specialty: '专业特长',
  hobbies: '爱好特长',
  officePhone: '办公电话',
  mobile: '手机',
  qq: 'QQ号',
  communityId: '居住社区',
  address: '家庭详址',
  jobTitle: '工作职务',
  unitId: '单位',
  memberId: '党员',
  claims: '领办项目',
  token: '二维码',
  cardNo: '联系证号',
}
