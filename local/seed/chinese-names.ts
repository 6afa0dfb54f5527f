import type { Random } from './random'

// Common surnames, roughly by frequency, and given-name characters that read
// as real names rather than noise.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文博亮晨峰毅海东立新成荣'
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英燕萍红梅琳雪慧莹颖倩婷洁晶琪璐佳欣悦瑶怡雯丹蕾薇月雅菲蓉岚'

export function chineseName(random: Random, gender: '男' | '女'): string {
  const pool = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE
  const given = random.next() < 0.7 ? random.pick([...pool]) + random.pick([...pool]) : random.pick([...pool])
  return random.pick([...SURNAMES]) + given
}

export function mobileNumber(random: Random): string {
  const prefix = random.pick(['138', '139', '137', '136', '135', '150', '151', '158', '159', '186', '187', '188', '177', '199'])
  return prefix + String(random.int(0, 99999999)).padStart(8, '0')
}
