import Content
import Foundation
import Ingest
import Testing

/// Kinds of pages the samples do not show: a government site, a news site, a policy notice.
@Suite struct WebPageTests {
    static let governmentPage = """
        无障碍  长者模式
        XX县人民政府
        首页 政务公开 政务服务 互动交流 走进XX
        当前位置：首页 > 政务公开 > 政府工作报告
        2024年平昌县政府工作报告
        发布时间：2024-02-01 09:30  来源：县政府办  浏览次数：1234
        字号：[ 大 中 小 ]  【打印】  【关闭】
        ——2024年1月10日在平昌县第十八届人民代表大会第四次会议上
        各位代表：
            现在，我代表县人民政府向大会报告工作，请予审议。
            一、2023年工作回顾
            （一）经济运行稳中向好。全年地区生产总值增长6.5%。
            二、2024年工作安排
            1.坚持产业强县。做大做强主导产业，培育新质生产力。
        扫一扫在手机打开当前页
        相关链接：
        国务院 | 省政府 | 市政府
        主办单位：XX县人民政府办公室  承办单位：XX县大数据中心
        网站标识码：1234567890  蜀ICP备12345678号  川公网安备 51012345678号
        联系电话：0838-1234567
        """

    @Test func aGovernmentPageKeepsOnlyTheWorkReport() throws {
        let result = Fixtures.ingest(Self.governmentPage)
        let report = try #require(result.reports.first).report
        #expect(report.title == "2024年平昌县政府工作报告")
        #expect(report.genre == "工作报告")
        #expect(report.date == ReportDate("2024-01-10"), "the date the report states, not the page's")
        #expect(report.source == "县政府办")
        #expect(report.body.hasPrefix("——2024年1月10日在平昌县"))
        #expect(report.body.contains("## 一、2023年工作回顾\n\n### （一）经济运行稳中向好\n\n全年地区生产总值增长6.5%。"))
        #expect(report.body.contains("#### 1\\.坚持产业强县"))
        for chrome in ["无障碍", "政务公开", "浏览次数", "字号", "扫一扫", "相关链接", "国务院 ", "ICP", "联系电话", "主办单位"] {
            #expect(!report.body.contains(chrome), "\(chrome)")
        }
    }

    @Test func aGBKPageReadsLikeItsUTF8Twin() throws {
        let gbk = try #require(Self.governmentPage.data(using: TextDecoder.gb18030))
        let fromGBK = Ingester().ingest(gbk, path: "content/raw/g.txt", origin: "raw/t.txt")
        let fromUTF8 = Fixtures.ingest(Self.governmentPage)
        #expect(fromGBK.reports.first?.report == fromUTF8.reports.first?.report)
        #expect(fromGBK.reports.first?.encoding == .gb18030)
    }

    @Test func aNewsPageGivesDatelineSourceAndReporters() throws {
        let result = Fixtures.ingest("""
            人民网 >> 时政
            习近平在江苏考察时强调 因地制宜发展新质生产力
            2024年03月06日06:05 | 来源：人民网－人民日报
            小字号
            新华社南京3月5日电（记者 张三、李四）中共中央总书记、国家主席习近平5日在江苏考察。
            他强调，要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。
            （责编：王五、赵六）
            分享让更多人看到
            推荐阅读
            """)
        let report = try #require(result.reports.first).report
        #expect(report.title == "习近平在江苏考察时强调 因地制宜发展新质生产力")
        #expect(report.genre == "新闻报道")
        #expect(report.date == ReportDate("2024-03-06"))
        #expect(report.source == "人民网－人民日报")
        #expect(report.author == "张三、李四")
        #expect(report.body.hasPrefix("新华社南京3月5日电"))
        #expect(report.extra.first { $0.key == "editor" }?.value == .string("王五、赵六"))
        #expect(!report.body.contains("责编") && !report.body.contains("分享") && !report.body.contains("推荐阅读"))
    }

    @Test func aPolicyNoticeIsAPolicyWithItsSignatureDate() throws {
        let result = Fixtures.ingest("""
            平昌县人民政府办公室关于印发《平昌县优化营商环境若干措施》的通知
            平府办发〔2024〕5号
            各乡镇人民政府，县政府各部门：
            《平昌县优化营商环境若干措施》已经县政府同意，现印发给你们，请认真贯彻执行。
            平昌县人民政府办公室
            2024年3月1日
            平昌县优化营商环境若干措施
            一、提升政务服务效能
            1.推进“一网通办”。全面推行政务服务事项网上办理。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.genre == "政策文件")
        #expect(report.date == ReportDate("2024-03-01"))
        #expect(report.body.contains("平昌县人民政府办公室"), "the signing office stays")
        #expect(report.body.contains("## 一、提升政务服务效能\n\n#### 1\\.推进“一网通办”"))
    }

    @Test func aFileOfChromeOnlyIsAnError() {
        let result = Fixtures.ingest("首页 > 新闻 > 正文\n下载app\n扫码关注\n回到顶部\n", name: "c.txt")
        #expect(result.reports.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.description.hasPrefix("content/raw/c.txt: error: no report text found") == true)
    }
}

/// Collections and link lists.
@Suite struct CollectionTests {
    @Test func partsMarkedWithArabicNumbersAreSplitAndKeepTheirOwnTitles() throws {
        let result = Fixtures.ingest("""
            乡镇工作总结范文(3篇)
            篇1：东屯乡2021年工作总结
            今年以来，我乡围绕中心工作，扎实推进各项任务。
            篇2：广顺镇2021年工作总结
            今年以来，我镇聚焦产业发展，成效明显。
            """, name: "c.txt")
        #expect(result.reports.map(\.report.title) == ["东屯乡2021年工作总结", "广顺镇2021年工作总结"])
        #expect(result.reports.map(\.report.origin) == ["raw/c.txt#1", "raw/c.txt#2"])
        #expect(result.reports.allSatisfy { $0.report.collection == "乡镇工作总结范文(3篇)" })
    }

    @Test func aListOfLinksToOtherPagesIsDropped() throws {
        let result = Fixtures.ingest("""
            关于推进县域商业体系建设的实施意见
            为加快推进县域商业体系建设，结合本县实际，提出如下意见。
            一、总体要求
            坚持市场主导、政府引导。
            相关文章
            关于做好2024年春耕生产工作的通知
            某县2023年政府工作报告全文
            乡村振兴工作总结
            """)
        let body = try #require(result.reports.first).report.body
        #expect(body.hasSuffix("坚持市场主导、政府引导。\n"))
    }
}

extension CollectionTests {
    @Test func partsMarkedAtTheEndOfTheirTitleLineAreSplitAndToldApart() throws {
        let result = Fixtures.ingest("""
            乡村振兴心得体会范文（通用2篇）
            乡村振兴心得体会 篇1
            乡村振兴是关系全局的重大任务，我们要坚持农业农村优先发展。
            乡村振兴心得体会 篇2
            通过学习，我深刻认识到产业振兴是乡村振兴的重中之重。
            """, name: "m.txt")
        #expect(result.reports.map(\.report.title) == ["乡村振兴心得体会（篇一）", "乡村振兴心得体会（篇二）"])
        #expect(result.reports.first?.report.collection == "乡村振兴心得体会范文（通用2篇）")
    }
}

extension WebPageTests {
    @Test func theSitesTodayBarIsNotTheDateButTheDatelineIs() throws {
        let result = Fixtures.ingest("""
            2024年5月20日 星期一
            首页 新闻 政务 服务
            县委召开专题会议研究招商引资工作
            中国日报网 2024-03-06 10:23
            3月5日，县委召开专题会议，研究部署招商引资工作。
            首页 上一页 1 2 下一页 尾页
            """)
        let report = try #require(result.reports.first).report
        #expect(report.title == "县委召开专题会议研究招商引资工作")
        #expect(report.date == ReportDate("2024-03-06"))
        #expect(report.body == "3月5日，县委召开专题会议，研究部署招商引资工作。\n")
    }
}

extension WebPageTests {
    @Test func aTitleBrokenOverTwoLinesIsJoined() throws {
        let result = Fixtures.ingest("""
            平昌县人民政府关于印发《平昌县招商引资奖励办法》
            的通知
            各乡镇人民政府：现将《平昌县招商引资奖励办法》印发给你们，请认真贯彻执行。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.title == "平昌县人民政府关于印发《平昌县招商引资奖励办法》的通知")
        #expect(report.genre == "政策文件")
        #expect(report.body.hasPrefix("各乡镇人民政府"))
    }

    @Test func newsTitlesAndReflectionsHaveTheirGenres() {
        #expect(GenreClassifier.genre(.init(title: "县委召开专题会议研究招商引资工作")) == "新闻报道")
        #expect(GenreClassifier.genre(.init(title: "学习新质生产力心得体会")) == "理论评论")
        #expect(GenreClassifier.genre(.init(title: "无题", opening: "同志们：今天我们召开会议。")) == "讲话发言")
        #expect(GenreClassifier.genre(.init(title: "无题")) == "其他")
    }
}

extension WebPageTests {
    @Test func aDocumentMillPageWithLongNavigationKeepsOnlyTheReport() throws {
        let menu = Array(repeating: ["网站首页", "工作总结", "心得体会", "演讲稿", "调研报告", "述职报告"], count: 6).flatMap { $0 }
        let page = (["第一范文网 - 免费范文大全"] + menu + [
            "欢迎访问第一范文网，本站提供各类范文下载。",
            "您现在的位置：第一范文网 > 调研报告 > 正文",
            "关于县域经济高质量发展的调研报告",
            "时间：2024-04-12 作者：admin 点击：",
            "为深入了解全县县域经济发展情况，调研组赴各乡镇开展专题调研。",
            "一、基本情况",
            "全县地区生产总值突破300亿元。",
            "本文来源：https://www.example.com/a/123.html",
            "【关于县域经济高质量发展的调研报告】相关文章：",
            "乡镇经济发展调研报告",
            "县域经济调研报告范文",
        ]).joined(separator: "\n")
        let report = try #require(Fixtures.ingest(page).reports.first).report
        #expect(report.title == "关于县域经济高质量发展的调研报告")
        #expect(report.date == ReportDate("2024-04-12"))
        #expect(report.source == nil)
        #expect(report.extra.first { $0.key == "site" }?.value == .string("第一范文网"))
        #expect(report.body == "为深入了解全县县域经济发展情况，调研组赴各乡镇开展专题调研。\n\n## 一、基本情况\n\n全县地区生产总值突破300亿元。\n")
    }
}

extension WebPageTests {
    @Test func aNationalWorkReportHasItsDateSpeakerAndHeadings() throws {
        let result = Fixtures.ingest("""
            政府工作报告
            ——2024年3月5日在第十四届全国人民代表大会第二次会议上
            国务院总理 李强
            各位代表：
            　　现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。
            　　一、2023年工作回顾
            　　过去一年是全面贯彻党的二十大精神的开局之年。
            　　二、2024年政府工作任务
            　　（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.title == "政府工作报告")
        #expect(report.genre == "工作报告")
        #expect(report.date == ReportDate("2024-03-05"))
        #expect(report.author == "李强")
        #expect(report.body.contains("### （一）大力推进现代化产业体系建设，加快发展新质生产力\n\n充分发挥创新主导作用。"))
    }
}

extension WebPageTests {
    @Test func reportSentencesThatUseChromeWordsAreKept() throws {
        let result = Fixtures.ingest("""
            关于优化营商环境的实施方案
            推行“扫码亮证”，群众扫一扫二维码即可查看证照信息。
            简化ICP证审批流程，压缩办理时限。
            群众扫码即可办理。
            扫一扫在手机打开当前页
            """)
        let body = try #require(result.reports.first).report.body
        #expect(body == "推行“扫码亮证”，群众扫一扫二维码即可查看证照信息。\n\n简化ICP证审批流程，压缩办理时限。\n\n群众扫码即可办理。\n")
    }
}

extension WebPageTests {
    @Test func aPageTitleLosesItsSiteName() throws {
        let result = Fixtures.ingest("关于县域经济高质量发展的调研报告_新华报业网\n近年来，全县经济运行稳中有进。")
        let report = try #require(result.reports.first).report
        #expect(report.title == "关于县域经济高质量发展的调研报告")
        #expect(report.source == "新华报业网")
    }
}

extension WebPageTests {
    @Test func aDatelineWithAuthorAndSourceGivesBoth() throws {
        let result = Fixtures.ingest("""
            以新质生产力引领县域经济高质量发展
            来源：学习时报 | 作者：王明 | 发布时间：2024-05-08
            关键词：新质生产力；县域经济
            发展新质生产力是推动高质量发展的内在要求。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.author == "王明")
        #expect(report.source == "学习时报")
        #expect(report.date == ReportDate("2024-05-08"))
        #expect(report.body == "发展新质生产力是推动高质量发展的内在要求。\n")
    }
}

extension WebPageTests {
    @Test func aPagesOwnTitleIsFoundBelowListsOfOtherTitles() throws {
        let result = Fixtures.ingest("""
            乡村振兴工作总结范文
            县域经济发展调研报告
            关于推进乡镇工业园区建设的调研报告
            近年来，全县坚持工业强县，乡镇工业园区建设取得明显成效。
            """)
        #expect(result.reports.first?.report.title == "关于推进乡镇工业园区建设的调研报告")
    }
}

extension CollectionTests {
    @Test func partsMarkedAsSampleTextsAreSplit() throws {
        let result = Fixtures.ingest("""
            【范文一】县域经济发展经验做法
            近年来，全县坚持工业强县，园区建设成效明显。
            【范文二】乡镇招商引资典型材料
            今年以来，我镇聚焦产业链招商，成效明显。
            """, name: "f.txt")
        #expect(result.reports.map(\.report.title) == ["县域经济发展经验做法", "乡镇招商引资典型材料"])
        #expect(result.reports.map(\.report.genre) == ["经验做法", "经验做法"])
    }
}

extension WebPageTests {
    @Test func aGovernmentSiteFooterIsDropped() throws {
        let result = Fixtures.ingest("""
            关于加快发展县域经济的实施意见
            为加快发展县域经济，现提出如下意见。
            版权所有：平昌县人民政府办公室
            地址：平昌县江口镇新华街1号 邮编：636400
            电话：0827-6222222 邮箱：pc@example.com
            您是第123456位访客 本网站支持IPv6
            政府网站找错
            """)
        #expect(result.reports.first?.report.body == "为加快发展县域经济，现提出如下意见。\n")
    }
}

extension CollectionTests {
    @Test func numberedExcerptsOfACountedCollectionAreSplit() throws {
        let result = Fixtures.ingest("""
            党建引领乡村振兴经验做法（精选3篇）
            1. 东屯乡：党建引领激活乡村振兴新动能
            东屯乡坚持党建引领，建强村级组织。
            一、建强组织
            选优配强村党组织书记。
            2. 广顺镇：支部建在产业链上
            广顺镇把支部建在产业链上，带动群众增收。
            3. 芦溪镇：以党建促招商
            芦溪镇以党建促招商，引进项目12个。
            """, name: "n.txt")
        #expect(result.reports.map(\.report.title) == ["东屯乡：党建引领激活乡村振兴新动能", "广顺镇：支部建在产业链上", "芦溪镇：以党建促招商"])
        #expect(result.reports.first?.report.collection == "党建引领乡村振兴经验做法（精选3篇）")
        #expect(result.reports.first?.report.body.contains("## 一、建强组织") == true)
    }

    @Test func aSingleReportWithNumberedHeadingsIsNotSplit() throws {
        let result = Fixtures.ingest("""
            关于县域经济的调研报告
            1. 基本情况
            全县经济稳中有进。
            2. 存在问题
            产业层次偏低。
            """)
        #expect(result.reports.count == 1)
    }
}

extension WebPageTests {
    @Test func chromeSentencesWithFullStopsAreDroppedToo() throws {
        let result = Fixtures.ingest("""
            关于县域经济的调研报告_第1页
            关于县域经济的调研报告
            近年来，全县经济运行稳中有进。
            以上就是小编整理的内容，希望对你有帮助。
            版权归原作者所有，如有侵权请联系删除。
            扫码关注公众号，获取更多范文。
            下载APP，随时随地阅读。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.title == "关于县域经济的调研报告")
        #expect(report.body == "近年来，全县经济运行稳中有进。\n")
    }
}
