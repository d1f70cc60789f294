import { describe, expect, it } from 'vitest'
import { parseColor, contrastWithWhite } from './colors.js'
import { cleanHtml } from './index.js'
import { decodeEntities } from './dom.js'
import { unwrapUrl } from './trackers.js'

const text = (html: string) => cleanHtml(html).text

describe('cleanHtml, readers\' comments', () => {
  // The shapes of ../shared/corpus: a Drupal site (泡泡) whose anonymous comments were spam, and
  // ChinaFile's "Conversation" pages, whose contributors' essays are comments by the page's author.
  const body = '<p>正文第一段，讲述互联网审查的来龙去脉。</p><p>正文第二段，谈到监控的代价。</p>'
  it('drops anonymous readers\' comments, the call to comment and the heading over them', () => {
    const page = `${body}<h2>您可能感兴趣的文章</h2><p><a href="/a/1">另一篇文章</a></p><ul class="links inline"><li class="comment-add"><a href="#c">冒个泡吧！</a></li></ul><div id="comments" class="comment-wrapper"><h2>评论</h2><div class="comment comment-by-anonymous" typeof="sioc:Post sioct:Comment"><p>Buy Viagra <a href="http://spam.example">cheap</a></p></div></div>`
    expect(text(page)).toBe('正文第一段，讲述互联网审查的来龙去脉。\n\n正文第二段，谈到监控的代价。')
  })
  it('keeps the comments of the page\'s own author: a conversation\'s contributions', () => {
    const page = `${body}<div id="comments" class="comment-wrapper"><h2>Comments</h2><div class="comment comment-by-node-author"><p>Sam Crane</p><p>The 2022 Olympics will not be as significant as the 2008 Games.</p></div></div>`
    expect(text(page)).toContain('The 2022 Olympics will not be as significant as the 2008 Games.')
  })
  it('drops a WordPress comment list', () => {
    expect(text(`${body}<div class="comments-area"><ol class="commentlist"><li>读者留言：好文！</li></ol></div>`)).not.toContain('好文')
  })
})

describe('cleanHtml', () => {
  it.each([
    ['near-white font watermark', '<p>正文内容<font color="#F8F8F8">Mitbbs.com</font></p>', '正文内容'],
    ['display:none', '<p>正文<span style="display: none">隐藏</span>内容</p>', '正文内容'],
    ['white text without background', '<p>正文<span style="color:#fff">看不见</span></p>', '正文'],
    ['zero-width characters', '<p>普\u200b京\u200d说</p>', '普京说'],
    ['adsbygoogle slot and its table', '<p>前</p><table><tr><td><ins class="adsbygoogle"></ins></td></tr></table><p>后</p>', '前\n\n后'],
    ['comment-delimited ad section', '<p>前</p><!--广告开始--><p>广告词</p><!--广告结束--><p>后</p>', '前\n\n后'],
    ['scripts and styles', '<p>正文</p><script>alert(1)</script><style>p{}</style>', '正文'],
    ['source line breaks between Chinese characters', '<p>\n第一句，\n第二句。\n</p>', '第一句，第二句。'],
  ])('removes %s', (_name, html, expected) => expect(text(html)).toBe(expected))

  it.each([
    ['one line of credits', '<p>作者：某甲 编辑：某乙</p>'],
    ['credits under a group tag', '<p>【东京某农场】撰稿：青衣 校对：小笨熊</p>'],
    ['credits over several lines', '<p>撰稿:海瑟</p><p>责编:牛小妹</p><p>翻译/校对：某丙</p>'],
  ])('drops leading staff credits: %s', (_name, credits) => expect(text(`${credits}<p>正文的第一段。</p><p>正文的第二段。</p>`)).toBe('正文的第一段。\n\n正文的第二段。'))

  it.each([
    ['a question put by a reporter', '记者：你怎么看这件事？', '记者：你怎么看这件事？'],
    ['a line of links that introduces the report', '据<a href="https://x/1">《路透社》2021年6月16日报道</a>：', '据《路透社》2021年6月16日报道：'],
    ['a speaker of a transcript', '郭先生口述内容：', '郭先生口述内容：'],
  ])('keeps a first line that is no credit: %s', (_name, first, kept) =>
    expect(text(`<p>作者：某甲</p><p>${first}</p><p>正文的第一段。</p>`)).toBe(`${kept}\n\n正文的第一段。`),
  )

  it.each([
    [
      'a subscription and a PayPal appeal',
      '訂閱某某頻道，每天免費收看最新影片：https://bit.ly/abc歡迎各位透過PayPal支持我們的創作：http://bit.ly/support-x（1）#中美關係 仍是主軸。',
      '（1）#中美關係 仍是主軸。',
    ],
    ['an e-mail address to tip and labelled links after it', 'PayPal及支付宝打赏：123456@qq.com微信打赏：https://drive.example/v Twitter： https://twitter.com/x電報群：https://t.me/y關於本頻道', '關於本頻道'],
  ])('drops the appeals a video description opens with: %s', (_name, description, kept) => expect(text(`<div>${description}</div>`)).toBe(kept))

  it.each([
    ['a source link', '新闻来源：https://www.foxnews.com/us/a-story'],
    ['a sentence that mentions support before a link', '美国宣布支持台湾加入世卫。详见https://example.org/a'],
  ])('keeps a first line that is no appeal: %s', (_name, first) => expect(text(`<div>${first}</div><p>正文的第一段。</p>`)).toBe(`${first}\n\n正文的第一段。`))

  it('drops the headline repeated as the first paragraph, but not a flash item\'s lead nor a text of one line', () => {
    expect(cleanHtml('<p>牛奶纸盒经济学</p><p>正文的第一段。</p>', { title: '牛奶纸盒经济学' }).text).toBe('正文的第一段。')
    const flash = '【美国宣布对华新制裁】美国财政部周一宣布制裁。'
    expect(cleanHtml(`<p>${flash}</p><p>正文的第二段。</p>`, { title: flash }).text).toBe(`${flash}\n\n正文的第二段。`)
    expect(cleanHtml('<p>牛奶纸盒经济学</p>', { title: '牛奶纸盒经济学' }).text).toBe('牛奶纸盒经济学')
    const lead = '「美国宣布对华新制裁。」'
    expect(cleanHtml(`<p>${lead}</p><p>正文的第二段。</p>`, { title: lead }).text).toBe(`${lead}\n\n正文的第二段。`)
  })

  it.each([['为何印度政府既失败又成功？'], ['Why did it fail?'], ['三千名清潔女工重新定義「共享經濟」']])('drops a headline that asks or ends on a quote repeated as the first paragraph: %s', (title) => {
    expect(cleanHtml(`<p>${title}</p><p>正文的第一段。</p>`, { title }).text).toBe('正文的第一段。')
  })

  it('drops a channel link glued to the first words, but not a source link on a line of its own', () => {
    expect(text('<p>https://bit.ly/2YsRD8D哈嘍，大家好！我是某某！</p><p>正文。</p>')).toBe('哈嘍，大家好！我是某某！\n\n正文。')
    expect(text('<p>https://youtu.be/zu-tY2dvuQ8</p><p>正文。</p>')).toBe('https://youtu.be/zu-tY2dvuQ8\n\n正文。')
    expect(text('<p>大家好 https://bit.ly/2YsRD8D哈嘍</p><p>正文。</p>')).toBe('大家好 https://bit.ly/2YsRD8D哈嘍\n\n正文。')
  })

  it('drops view counters in the page head only', () => {
    expect(text('<p>2016-10-16</p><p>796 Views</p><p>阅读 1,024</p><p>正文的第一段。</p>')).toBe('2016-10-16\n\n正文的第一段。')
    const body = '<p>一。</p><p>二。</p><p>三。</p><p>四。</p><p>五。</p>'
    expect(text(`${body}<p>12 views</p><p>正文的最后一段。</p>`)).toBe('一。\n\n二。\n\n三。\n\n四。\n\n五。\n\n12 views\n\n正文的最后一段。')
  })

  it.each([
    ['（欢迎点击此处订阅NYT简报，我们将在每个工作日发送最新内容至您的邮箱。）'],
    ['（歡迎點擊此處訂閱時報中文簡報。更多消息，歡迎關注時報英文版。）'],
  ])('drops a bracketed newsletter appeal in the page head: %s', (appeal) =>
    expect(text(`<p>某记者</p><p>2020-07-21 11:36:38</p><p>${appeal}</p><p>伦敦——正文的第一段。</p>`)).toBe('某记者\n\n2020-07-21 11:36:38\n\n伦敦——正文的第一段。'),
  )

  it.each([
    ['a bracketed note that asks to follow an update', '（本文稍后将有更新，敬请关注。）'],
    ['a bracketed aside that mentions subscriptions', '（该报的订阅人数去年增加了一倍，达到六百万。）'],
  ])('keeps %s in the page head', (_name, line) => expect(text(`<p>某记者</p><p>${line}</p><p>正文的第一段。</p>`)).toBe(`某记者\n\n${line}\n\n正文的第一段。`))

  it('removes a bracketed newsletter appeal in the page head only', () => {
    const body = '<p>一。</p><p>二。</p><p>三。</p><p>四。</p><p>五。</p>'
    expect(text(`${body}<p>（欢迎点击此处订阅NYT简报。）</p><p>六。</p>`)).toContain('订阅')
  })

  it('keeps grey text as visible (captions are grey, not hidden)', () => {
    expect(text('<p>正文<span style="color:#999">灰色说明</span></p>')).toBe('正文灰色说明')
  })

  it('attaches captions to images: figcaption, grey small text, parenthesised credit', () => {
    const c = cleanHtml(
      '<figure><img src="https://a.example/1.jpg"><figcaption>会场</figcaption></figure><p>正文一段比较长的文字。</p>' +
        '<div><img src="https://a.example/2.jpg"></div><div><small style="color: #999;">资料照</small></div>' +
        '<figure><img src="https://a.example/3.jpg">(半岛电视台)</figure>',
    )
    expect(c.images).toEqual([
      { src: 'https://a.example/1.jpg', caption: '会场' },
      { src: 'https://a.example/2.jpg', caption: '资料照' },
      { src: 'https://a.example/3.jpg', caption: '(半岛电视台)' },
    ])
    expect(c.text).toBe('正文一段比较长的文字。')
  })

  it('drops a trailing follow-us link block but keeps an article ending on a short line', () => {
    const footer = '<p>正文结束了。</p><p><a href="https://x/1">关注我们</a> <a href="https://x/2">Twitter</a></p><p>0</p>'
    expect(text(footer)).toBe('正文结束了。')
    expect(text('<p>正文很长很长的一段。</p><p>（完）</p>')).toBe('正文很长很长的一段。\n\n（完）')
  })

  it.each([
    [
      'a share-and-like widget with its tags and post date',
      '<p>文章的最后一段。</p><p>共享此文章：</p><p>点击以在 Twitter 上共享（在新窗口中打开）</p><p>赞过：</p><p>赞正在加载……</p><p>相关</p><p>Tagged</p><p>Activism</p><p>Published 2020年11月27日 2020年11月27日</p>',
      '文章的最后一段。',
    ],
    ['programme promotion', '<p>文章的最后一段。</p><p>更多节目资讯，欢迎进入某某台官方链接！</p>', '文章的最后一段。'],
    ['a subscription appeal', '<p>文章的最后一段。</p><p>——————</p><p>請加入成為本台的月費訂戶，長期支持我們的工作。</p>', '文章的最后一段。'],
    ['a disclaimer and staff credits', '<p>文章的最后一段。</p><p>免责声明：本文内容仅代表作者个人观点。</p><p>2021年6月13日</p><p>校对：某甲 发布：某乙</p><p>+1</p>', '文章的最后一段。'],
  ])('drops a trailing footer: %s', (_name, html, expected) => expect(text(html)).toBe(expected))

  const appeal = '<p>請加入成為本台的月費訂戶，長期支持我們的工作。</p><p>月費訂戶 網址：example.com/aboutus/#subscribe</p>'
  it.each([
    ['a blogger', '博客 | 某甲', '【某甲・某某專欄】土生土長的九十後，資深新聞工作者。著有《某書》。FB專頁：https://www.facebook.com/x/'],
    ['a columnist without his name in the bio', '主筆 | 某乙', '資深新聞工作者。自80年代起專責報道和分析香港政治與政策。'],
    ['an English bio', 'Blogger | Jane Doe', 'Jane Doe is a writer in Hong Kong. She can be reached at https://example.com/'],
    ['a bio under a heading', '作者簡介：', '某丙，香港史研究者，正研究二十世紀香港政治及社會史。'],
  ])('drops a columnist\'s byline and bio under a footer: %s', (_name, label, bio) =>
    expect(text(`<p>文章的最后一段。</p>${appeal}<p>${label}</p><p>${bio}</p>`)).toBe('文章的最后一段。'),
  )

  it.each([
    ['without a footer above it', '<p>文章的最后一段。</p><p>博客 | 某甲</p><p>【某甲・某某專欄】土生土長的九十後。</p>'],
    ['when the paragraph under the byline is too long for a bio', `<p>文章的最后一段。</p>${appeal}<p>博客 | 某甲</p><p>${'某甲說，這是文章的一部分。'.repeat(50)}</p>`],
    ['when the line above is no byline', `<p>文章的最后一段。</p>${appeal}<p>他說：</p><p>【某甲・某某專欄】土生土長的九十後。</p>`],
  ])('keeps the last paragraph %s', (_name, html) => expect(text(html)).toContain('某甲'))

  it.each([
    ['a case number', '案件編號：DCCC434/20'],
    ['a signature', '壹傳媒工會'],
    ['a source line', '新闻来源：路透社'],
    ['the last line of a poem', '昔蝶沦雀餐今幻双雀惦'],
  ])('keeps %s just above a footer', (_name, line) =>
    expect(text(`<p>文章的最后一段。</p><p>${line}</p><p>更多新闻资讯，欢迎关注我们</p>`)).toBe(`文章的最后一段。\n\n${line}`),
  )

  it.each([
    ['a rule and a date', '<p>———</p><p>2021年6月13日</p>'],
    ['a label whose links are gone', '<p>参考链接：</p>'],
    ['a continuation mark', '<p>（未完待续）</p>'],
    ['a related-reading heading', '<p>延伸閱讀</p>'],
    ['a reposter\'s disclaimer', '<p>（本文纯属个人观点）</p>'],
    ['staff credits without a colon', '<p>编译 王灿；审校 张荻</p>'],
    ['compound staff credits', '<p>整理撰稿：某甲</p><p>校对发布：某乙</p>'],
  ])('still drops %s above a footer', (_name, lines) =>
    expect(text(`<p>文章的最后一段。</p>${lines}<p>更多新闻资讯，欢迎关注我们</p>`)).toBe('文章的最后一段。'),
  )

  it.each([
    '截至6月底，中国移动5G套餐订户达到2.5亿户。',
    '外交部发言人表示，该议员的言论仅代表其个人观点，不代表政府立场。',
    '我们热烈欢迎加入申请的新成员。',
    '目前掌握更多相关资讯的人士表示没有变化。',
    'Published in 2020, the report found nothing new.',
    '文中提到的数据纯属估算，并非官方统计。',
    '编译器的更新将在下月发布。',
    '整理房间时，他发现了那封信。',
  ])('keeps a last sentence that only shares a word with footers: %s', (last) => expect(text(`<p>文章的第一段。</p><p>${last}</p>`)).toBe(`文章的第一段。\n\n${last}`))

  it('keeps a list or table that ends on numbers, and drops one counter only', () => {
    expect(text('<p>本期开奖号码：</p><ul><li>03</li><li>17</li><li>25</li></ul>')).toBe('本期开奖号码：\n\n03\n\n17\n\n25')
    expect(text('<p>文章的最后一段。</p><p>12</p><p>0</p>')).toBe('文章的最后一段。\n\n12')
  })

  it('drops a trailing counter alone, keeping the short last line above it', () => {
    expect(text('<p>文章的最后一段。</p><p>吃不完，打小报告</p><p>0</p>')).toBe('文章的最后一段。\n\n吃不完，打小报告')
  })

  it('keeps a last paragraph that also asks readers to subscribe: a footer line is short', () => {
    const last = `本台不靠廣告收入，${'主要透過讀者訂閱支持營運，'.repeat(20)}在此感謝。`
    expect(text(`<p>文章的第一段。</p><p>${last}</p>`)).toBe(`文章的第一段。\n\n${last}`)
  })

  it('keeps a pull quote once', () => {
    const html = '<p>他说这是一次建设性的会谈，双方都很满意。</p><blockquote><p>他说这是一次建设性的会谈</p></blockquote>'
    expect(text(html)).toBe('他说这是一次建设性的会谈，双方都很满意。')
  })

  it('never emits markup, even from hostile input', () => {
    const c = cleanHtml('<p onclick="x()">文<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg><a href="javascript:alert(1)">链接</a></p><p>结尾的一句正文。</p>')
    expect(c.text).toBe('文\n\n链接\n\n结尾的一句正文。')
    expect(JSON.stringify(c.blocks)).not.toMatch(/<|onerror|javascript:/)
  })

  it('survives 50,000 levels of nesting', () => {
    const deep = `${'<div>'.repeat(50_000)}<p>深处的正文</p>${'</div>'.repeat(50_000)}`
    expect(text(deep)).toBe('深处的正文')
  }, 30_000) // about 3 s alone; more on a loaded machine
})

describe('unwrapUrl', () => {
  it.each([
    ['https://images.weserv.nl?url=gdb.voanews.com/a.jpg', 'https://gdb.voanews.com/a.jpg'],
    ['https://images.weserv.nl/?url=https%3A%2F%2Fexample.org%2Fb.png&w=600', 'https://example.org/b.png'],
    ['https://corsproxy.example/https://example.org/c.jpg', 'https://example.org/c.jpg'],
    ['https://www.google.com/url?q=https://example.org/d&sa=D', 'https://example.org/d'],
    ['https://example.org/plain.jpg?w=770', 'https://example.org/plain.jpg?w=770'],
  ])('unwrapUrl(%s)', (input, out) => expect(unwrapUrl(input)).toBe(out))
})

describe('colours', () => {
  it('judges #F8F8F8 invisible and #999 visible on white', () => {
    expect(contrastWithWhite(parseColor('#F8F8F8')!)).toBeLessThan(1.1)
    expect(contrastWithWhite(parseColor('#999')!)).toBeGreaterThan(2)
    expect(parseColor('rgb(255, 255, 255)')).toEqual([255, 255, 255])
  })
})

describe('decodeEntities', () => {
  it('decodes numeric and named references and leaves angle brackets as text', () => {
    expect(decodeEntities('新闻参考 &#8211; &#8220;星期四&#8221; &amp; <b>')).toBe('新闻参考 – “星期四” & <b>')
  })
})
