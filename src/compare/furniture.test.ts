import { describe, expect, it } from 'vitest'
import { foldText } from '../normalize/fold.js'
import { isFurniture, isPromotion } from './furniture.js'

describe('isFurniture', () => {
  // Lines as they appear in reports of the development corpus (source in each comment).
  it.each([
    '（譯者：廖禹揚/核稿：劉學源）1090804', // 中央社, TikTok ban, August 2020
    '（译者：陈怡君/核稿：刘文瑜）', // RFI relaying AFP, July 2020
    '翻译：烟波浩淼 |校对：雨山溪桥客|审核：黎明的光芒', // GNews
    '文字整理：茅屎坑 青桐 kimkim(文沙） 墨墨十七编辑：喜马拉雅华盛顿DC农场', // GNews
    '编译 张荻/王兴亚/陈宗琦/张若琪 审校 艾茂林/杜明霞/王灿/戴素萍', // 路透中文网, EU summit, July 2020
    'CNN 的 Kylie Atwood、Kristen Holmes、Yong Xiong 和 Shanshan Wang 为本报告做出了贡献。', // GNews relaying CNN
    '奥斯汀·拉姆齐（Austin Ramzy）、艾米张健（Amy Chang Chien） 和 奥瑞琳·布里登（Aurelien Breeden） 对本文有报道贡献。', // GNews relaying NYT
    '請加入成為眾新聞的月費訂戶，長期支持我們的工作。', // 眾新聞
    '所有訂戶都可以收到我們的「每周時事」通訊 。', // 眾新聞
    '（欢迎点击此处订阅NYT简报，我们将在每个工作日发送最新内容至您的邮箱。）', // 纽约时报中文网
    '欢迎在Twitter和Facebook上关注他。', // 纽约时报中文网
    '新闻来源：自由亚洲电台、维基百科', // GNews
    '作者: Grace 【秘翻Gnews原创组】责编：Shifter', // GNews
    '排版发布：日本东京方舟农场 文柯Miles', // GNews, Taishan nuclear plant, June 2021
    '（本文系作者个人观点）', // GNews
    '[](https://gnews.org/wp-content/uploads/2021/03/横幅-3.gif) 康州盘古农场欢迎您加入:(或点击上方图片）', // GNews
    '张慈/杨威廉 (法新社、德新社、美联社)', // 德国之声, EU summit, July 2020
    '李澄欣/杨威廉（综合报导）', // 德国之声
    '张筠青/苗子（路透社等）', // 德国之声
    '乐然（综合报道）', // 德国之声
    '「政治咖哩飯」主持：任啟邦、劉細良逢星期五 9:00 ~ 10:00 pmFacebook: https://facebook.com/1883701091886989支持城寨Patreonhttps://www.patreon.com/kowloonsingjai', // 城寨, under each of its videos
    '文山/王凡/李鱼/(德新社、路透社等)', // 德国之声: a slash before the brackets
    '製作：【上天造滅疫組】', // GNews
    '製作單位：戰友之家·粵語頻道', // GNews
    'By： 【秘密翻译组-精翻组 G-Translators/Elite Team】', // GNews
    '相关图集：南中国海周边国家军力大PK', // 德国之声
    '原文刊於筆者 AM730專欄', // 眾新聞
    '点击查看本文英文版。', // 纽约时报中文网
    '圖為空蕩蕩的比利時布魯塞爾街頭。', // 中央社
    '本图所示为西格玛级（Sigma-Class）轻型护卫舰KRI Sultan Hasanuddin。', // 德国之声, a gallery
    '他們的經驗，包括票站防疫措施及選民的投票意欲，都值得香港參考。呼籲選舉能延後1......more', // 中央廣播電臺
    '中央社記者陳韻聿傳真 109年9月19日', // 中央社
    '（中央社記者陳韻聿巴黎傳真 109年9月19日）', // 中央社, with a city, in brackets
    '2020年7月19日，比利时布鲁塞尔，欧洲理事会主席米歇尔（左）、德国总理默克尔（中）、法国总统马克龙（右二）在峰会间隙交谈。', // 路透, a caption
    '美国白宫国家安全委员会前高级主任罗伯特·史帕丁准将（Brigadier General Robert Spalding III ）（Public Domain）', // 自由亚洲电台
    '2020年美中关系大事记（自由亚洲电台制图）Photo: RFA', // 自由亚洲电台
    'Keith Bradsher自北京、Steven Lee Myers自韩国首尔报道。', // 纽约时报中文网
    'Stephen Castle是《纽约时报》驻伦敦记者，广泛报道英国新闻，包括该国的政治和与欧洲的关系。', // 纽约时报中文网
    '（图片来源；苹果日报）', // GNews, a credit with a semicolon
  ])('%s is not reporting', (line) => expect(isFurniture(foldText(line))).toBe(true))

  it.each([
    '“法马通”公司于6月8日又再跟进，要求美国能源部加快审核他们的请求。', // GNews: 审核 in a claim
    '荷兰首相吕特(Mark Rutte)的立场反映出该国的政治现实，荷兰选民对于依照比例计算，荷兰成为欧盟预算最大的净贡献国之一感到忿忿不平。', // 路透
    '台灣外交部對此表示，樂見美國及歐盟等民主陣營的重要夥伴，持續高度關注台海和平穩定遭受片面蓄意破壞的現況。', // 中央社: 关注 in a claim
    // GNews README reposts link names to a wiki: running text, not a link line.
    '[[zh:美国总统]][[zh:拜登]]表示，如果法案获通过，他愿意签署法案。',
    // GNews: a photo credit glued to the lead keeps the lead.
    '图片来源：新闻周刊《新闻周刊》6月14日报，在一家部分拥有并帮助运营中共国核电站的法国公司警告说中共国的核电站存在 “直接的放射性威胁”之后，美国政府在上周花了很多时间评估关于中国核电站泄漏的指控。',
    '图片来源：BBC 近期《华尔街日报》就这几天大家都十分关切的广东核电站泄漏事件进行了详细报道。', // GNews
    '文依（美国华盛顿DC农场）', // GNews: a reader's post signed with their farm
    // A credit glued to a report keeps the report (longer than a caption).
    '（美国海军摄影：Mass 二级通信专家 Bryan M. Ilyankoff）来自《Breaking Defense》网站6月1日的报道，美国海军今天宣布，其第七舰队将在未来几周内与日本、澳大利亚和印度的海军举行联合演习，参加的舰艇和飞机数量都是近年来最多的。',
    '图表制作：James Zhen 美国川普政府在 2019 年曾将中共国广核集团和其他三个中共国实体列入其出口黑名单，称它们是“参与或可能参与获取先进核技术和材料用于中共国军事用途的企业”。',
    '一般人在回忆时，眼珠会本能地向左（右）移；当他要构思或者撒谎时眼珠就本能地向相反方向移。', // GNews: a direction, not a picture
    'Antony Blinken自上任以来多次批评北京的人权记录。', // a Latin name opening a claim
    '当天北京最高气温达到40度（摄氏）。',
    '该公司被指盗用他人作品（包括文字和图片）。',
    '警方已调取事发路段的监控录像（由交通摄像头拍摄）。',
    'Joshua Wong是《时代》杂志评选的年度人物之一，他于周三被捕。',
    '路德(00:00:18)', // GNews: a speaker's turn in a transcript
    '拜登周三在推特上宣布，美国将向台湾提供75万剂疫苗。', // a post reported, no address
    '白宫在facebook发布声明（https://www.facebook.com/whitehouse/posts/1）称拜登将与普京会面。', // a post reported with its address
    '三票先生提到普京告诉习近平他会让普里戈津“消失”:https://gettr.com/post/p2abc', // GNews
    '白宫在YouTube频道发布视频（https://www.youtube.com/watch?v=abc）称，拜登将于下周访问欧洲。',
    '北约在推特发文（https://twitter.com/nato/status/1）称，芬兰正式加入北约。',
    '俄罗斯国防部在Telegram频道（https://t.me/mod_russia）发布声明说，部队已撤出赫尔松。',

    '作者在序章中这样写道：「当福岛第一核电厂发生事故后，在灾情根本无法掌握的情况下，为何政治人物、官员跟学者都异口同声宣称『没有立即的危险』？」', // GNews, a book review
  ])('%s is reporting', (line) => expect(isFurniture(foldText(line))).toBe(false))
})

describe('isPromotion', () => {
  it("takes a channel's whole blurb for promotion however long, when it gives three or more web addresses (想做教育家的Klaus, under each video)", () => {
    const blurb = `低费用移民和留学，办理护照，请联系本人Telegram，Whatsapp。联系邮箱和PayPal（下面加入聊天群）加入我的会员 https://www.patreon.com/educator欢迎订阅我的粤语频道https://www.youtube.com/channel/UCb${'完全免费还能赚钱的返利网站，先通过返利网再进入购物网站即可获得返利'.repeat(4)}脸书群组https://www.facebook.com/groups/96401加入聊天交流群，Telegram：https://t.me/joinchat/Tv`
    expect(isPromotion(foldText(blurb))).toBe(true)
    // A long report that names a platform and one address is not.
    const report = `白宫在YouTube频道发布视频（https://www.youtube.com/watch?v=abc）称，拜登将于下周访问欧洲。${'拜登将与盟国领导人讨论支持乌克兰的问题。'.repeat(15)}`
    expect(isPromotion(foldText(report))).toBe(false)
  })
})
