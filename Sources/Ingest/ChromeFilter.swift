import Content

/// Removes web-page chrome from the lines of a raw file: breadcrumbs, menus, app and share
/// prompts, toolbars, copyright and disclaimer blocks, document-mill thumbnails and download
/// terms, visitor counters, tag lists. Metadata lines (editor, source, publication time) are
/// removed too but remembered in `PageHints`.
///
/// Rules are general: a vocabulary of chrome words and phrases, shapes (a breadcrumb is short
/// segments joined by `>`), and runs of short lines with no sentence punctuation. Report text,
/// which is made of punctuated sentences and numbered headings, passes through.
public struct ChromeFilter: Sendable {
    public struct Output: Sendable {
        /// The remaining lines, blank lines included (they separate paragraphs).
        public var lines: [SourceLine]
        public var droppedChrome: [SourceLine]
        public var droppedMetadata: [SourceLine]
        public var hints: PageHints
    }

    public init() {}

    public func filter(_ lines: [SourceLine]) -> Output {
        var hints = PageHints()
        var kept: [SourceLine] = []
        var chrome: [SourceLine] = []
        var metadata: [SourceLine] = []
        var inDownloadTerms = false
        var inLinkList = false
        for line in lines {
            if line.isBlank { kept.append(line); continue }
            // Under 相关文章 / 热门文章 come other pages' titles: short lines without sentences.
            if inLinkList {
                if line.text.hasAtMost(60), !(line.text.containsBytes("。") && line.text.contains("。")) { chrome.append(line); continue }
                inLinkList = false
            }
            if line.text.utf8.count <= 180, !(line.text.containsBytes("。") && line.text.contains("。")),
               Self.isLinkListHeader(Self.key(line.text)) {
                chrome.append(line)
                inLinkList = true
                continue
            }
            switch classify(line.text, hints: &hints, inDownloadTerms: &inDownloadTerms) {
            case .keep: kept.append(line)
            case .chrome: chrome.append(line)
            case .metadata: metadata.append(line)
            }
        }
        let menus = removeMenuRuns(kept)
        chrome.append(contentsOf: menus.removed)
        chrome.sort { $0.number < $1.number }
        return Output(lines: menus.kept, droppedChrome: chrome, droppedMetadata: metadata, hints: hints)
    }

    enum Verdict { case keep, chrome, metadata }

    // MARK: - One line

    func classify(_ text: String, hints: inout PageHints, inDownloadTerms: inout Bool) -> Verdict {
        let search = ByteSearch(lowercasing: text)
        let found = Self.needles.scan(search.bytes)
        func has(_ needle: Needle) -> Bool { found.containsAny(Self.needleRanges[needle.rawValue]) }
        let byteCount = search.bytes.count
        // Only short lines can be buttons, menus, counters or metadata; long lines are checked
        // for the notices that are chrome at any length.
        let short = byteCount <= 180
        let length = short ? text.count : Int.max

        // A numbered terms-of-download block continues until a line that is not numbered.
        if inDownloadTerms {
            if let first = text.first, first.isNumber, text.prefix(4).contains(where: { "、.．)）".contains($0) }) { return .chrome }
            inDownloadTerms = false
        }
        if byteCount <= 60, !has(.fullStop) {
            let key = Self.key(text)
            if Self.exactChrome.contains(key) { return flagTruncation(key, &hints) }
        }
        // Metadata lines have a label with a colon or slash, or are dates.
        let mayBeMetadata = search.bytes.contains { $0 == 0x3A || $0 == 0x2F || ($0 >= 0x30 && $0 <= 0x39) }
            || has(.wideColon) || has(.editor) || has(.year)
        if byteCount <= 400, mayBeMetadata, let verdict = metadataLine(text, hints: &hints) { return verdict }
        if byteCount <= 480, breadcrumb(text, hints: &hints) { return .chrome }
        if byteCount <= 240, isMenuLine(text) { return .chrome }
        // 题目_第1页 without a file extension: a page thumbnail too.
        if byteCount <= 600, has(.page), text.hasSuffix("页"),
           let range = text.range(of: "_第", options: .backwards) {
            let hint = String(text[..<range.lowerBound]).trimmingSpaces
            if hint.count >= 4, !hints.titleHints.contains(hint) { hints.titleHints.append(hint) }
            return .chrome
        }
        if byteCount <= 600, has(.documentExtension), let hint = documentThumbnail(text) {
            if !hints.titleHints.contains(hint) { hints.titleHints.append(hint) }
            return .chrome
        }
        if has(.desktop), let site = desktopShortcutSite(text) {
            if !site.isEmpty, !hints.siteNames.contains(site) { hints.siteNames.append(site) }
            return .chrome
        }
        // Phrases that are chrome at any length.
        let anywhere = Self.needleRanges[Needle.anywhere.rawValue]
        if let first = found.first(in: anywhere) {
            let phrase = Self.anywherePhrases[first - anywhere.lowerBound]
            if phrase.contains("付费下载") || phrase.contains("本站所有") { inDownloadTerms = true }
            if has(.truncation) { hints.truncated = true }
            return .chrome
        }
        let sentence = has(.fullStop)
        if byteCount <= 400, !sentence, has(.footer) { return .chrome }
        if Self.prefixBytes.contains(where: search.hasPrefix) { return .chrome }
        // A line that is mostly a web address (本文链接：https://…).
        if byteCount <= 240, !sentence, has(.url) { return .chrome }
        if has(.site), has(.siteNotice) { return .chrome }
        // Short lines: buttons, counters, prompts.
        if length <= 60, !sentence, !StructureMarker.startsWithMarker(text) {
            if has(.shortLine) { return .chrome }
            if length <= 24, !TextFeatures.hasProsePunctuation(text), Self.appSuffixBytes.contains(where: search.hasSuffix) {
                return .chrome
            }
        }
        return .keep
    }

    private func flagTruncation(_ key: String, _ hints: inout PageHints) -> Verdict {
        if Self.truncationPhrases.contains(where: { key.contains($0) }) { hints.truncated = true }
        return .chrome
    }

    // MARK: - Metadata lines

    /// 责编/编辑 (editor), 来源 (source), 发布时间 (date): removed from the body, kept as hints.
    private func metadataLine(_ text: String, hints: inout PageHints) -> Verdict? {
        let compact = TextFeatures.compact(text)
        if let editor = Self.value(after: ["责任编辑", "责编", "编辑", "校对", "审核", "审校", "终审", "初审", "复审"], in: compact),
           compact.count <= 40 {
            let name = Self.personName(editor)
            if !name.isEmpty, compact.hasPrefix("责") || compact.hasPrefix("编辑") || compact.hasPrefix("(责") || compact.hasPrefix("（责") {
                hints.editors.append(name)
            }
            return .metadata
        }
        if compact.hasPrefix("(责编") || compact.hasPrefix("（责编") || compact.hasPrefix("【责任编辑") {
            let inner = compact.drop(while: { !":：".contains($0) }).dropFirst()
            // (责编：王五、赵六) names two editors.
            let name = String(inner.prefix { !")）】".contains($0) }).prefix(24)
                .split(separator: "、").map { Self.personName(String($0)) }.filter { !$0.isEmpty }.joined(separator: "、")
            if !name.isEmpty { hints.editors.append(name) }
            return .metadata
        }
        let labels = ["来源:", "来源：", "发布时间", "发布日期", "时间:", "时间：", "日期:", "日期：", "原标题:", "原标题：", "信息来源", "文章来源"]
        if text.count <= 80, labels.contains(where: { compact.hasPrefix($0) }) {
            if let date = DateFinder.firstDate(in: text) { hints.dates.append(date) }
            if let range = text.range(of: "来源") {
                var source = text[range.upperBound...].drop(while: { ":： ".contains($0) })
                if let end = source.firstIndex(where: { $0 == " " || $0 == "　" || $0 == "|" }) { source = source[..<end] }
                let name = String(source).trimmingCharacters(in: ["，", ",", "。"])
                if !name.isEmpty, name.count <= 30 { hints.sources.append(name) }
            }
            Self.readAuthor(text, into: &hints)
            return .metadata
        }
        // 2024年03月06日06:05 | 来源：人民网－人民日报: a dateline with its source.
        if text.count <= 100, !text.hasSuffix("。"), ["来源：", "来源:", "发布时间", "浏览次数", "作者：", "编辑："].contains(where: text.contains),
           DateFinder.firstDate(in: text) != nil || text.contains("|") || text.contains("浏览") {
            if let date = DateFinder.firstDate(in: text) { hints.dates.append(date) }
            if let range = text.range(of: "来源：") ?? text.range(of: "来源:") {
                var source = text[range.upperBound...].drop(while: { $0 == " " })
                if let end = source.firstIndex(where: { $0 == " " || $0 == "|" }) { source = source[..<end] }
                if !source.isEmpty, source.count <= 30 { hints.sources.append(String(source)) }
            }
            Self.readAuthor(text, into: &hints)
            return .metadata
        }
        if DateFinder.isDateLine(text) || isDateline(text) {
            // A weekday marks the site's today-bar, not the report's date.
            let weekday = text.contains("星期") || text.contains("礼拜")
            if !weekday, let date = DateFinder.firstDate(in: text) { hints.dates.append(date) }
            return .metadata
        }
        return nil
    }

    /// `首页 政务公开 政务服务 互动交流` or `国务院 | 省政府 | 市政府`: several short items on one
    /// line without sentence punctuation; or items that are all chrome words (无障碍 长者模式).
    func isMenuLine(_ text: String) -> Bool {
        guard !TextFeatures.hasProsePunctuation(text), StructureMarker.parse(text) == nil else { return false }
        let tokens = text.split(whereSeparator: { " |｜·•/".contains($0) }).map(String.init)
        guard tokens.count >= 2 else { return false }
        if tokens.allSatisfy({ Self.exactChrome.contains(Self.key($0)) }) { return true }
        return tokens.count >= 3 && tokens.allSatisfy { $0.count <= 8 && DateFinder.firstDate(in: $0) == nil }
    }

    /// `中国日报网 2024-03-06 10:23`: a full date with a few words and no punctuation.
    func isDateline(_ text: String) -> Bool {
        guard text.count <= 50, !TextFeatures.hasProsePunctuation(text),
              let date = DateFinder.firstDate(in: text), date.day != nil else { return false }
        let words = text.filter { TextFeatures.isCJK($0) && !"年月日星期".contains($0) }
        return words.count <= 12
    }

    /// `作者：王明` on a metadata line.
    static func readAuthor(_ text: String, into hints: inout PageHints) {
        for label in ["作者：", "作者:", "文：", "记者："] {
            guard let range = text.range(of: label) else { continue }
            let name = personName(String(text[range.upperBound...].drop(while: { $0 == " " })))
            if (2...8).contains(name.count), name.lowercased() != "admin" { hints.authors.append(name) }
        }
    }

    static func value(after labels: [String], in compact: String) -> String? {
        // Most lines start with another character than any label.
        guard let first = compact.first, labels.contains(where: { $0.first == first }) else { return nil }
        for label in labels {
            for separator in [":", "：", "/"] where compact.hasPrefix(label + separator) {
                return String(compact.dropFirst(label.count + 1))
            }
        }
        return nil
    }

    /// The name at the start of a byline value: 秦微晰,江苏省委党校… → 秦微晰.
    static func personName(_ text: String) -> String {
        let stops: Set<Character> = [",", "，", "、", ";", "；", " ", "(", "（", "|", "。", "/"]
        return String(text.prefix { !stops.contains($0) }.prefix(12))
    }

    // MARK: - Shapes

    /// `首页 > 报告范文 > 题目 >` or `新华报业网  > 思想 > 正文`: short segments joined by `>`.
    private func breadcrumb(_ text: String, hints: inout PageHints) -> Bool {
        // Each separator is a scalar that no other is canonically equal to: without one of them in
        // the line, no character of it is a separator (checked first; most lines have none).
        guard text.unicodeScalars.contains(where: { Self.breadcrumbSeparators.contains(value: $0.value) }) else { return false }
        guard text.count <= 160, !text.contains("。") else { return false }
        var body = text
        for label in ["当前位置：", "当前位置:", "您的位置：", "您的位置:", "你的位置：", "位置："] {
            if let range = body.range(of: label) { body = String(body[range.upperBound...]) }
        }
        let separators: Set<Character> = [">", "›", "»", "＞", "→"]
        guard body.contains(where: { separators.contains($0) }) else { return false }
        var segments = body.split(whereSeparator: { separators.contains($0) || $0 == "/" })
            .map { $0.trimmingSpaces }
            .filter { !$0.isEmpty }
        guard !segments.isEmpty, segments.allSatisfy({ $0.count <= 60 }) else { return false }
        let homeWords: Set<String> = ["首页", "网站首页", "主页", "返回首页", "home", "Home"]
        let endWords: Set<String> = ["正文", "详情", "内容", "文章", "阅读", "浏览文章"]
        let startsAtHome = homeWords.contains(segments[0])
        let startsAtSite = HeaderReader.isSiteName(segments[0])
        let endsAtPage = endWords.contains(segments[segments.count - 1]) || text.hasSuffix(">")
        guard startsAtHome || startsAtSite || endsAtPage || text.hasPrefix("当前位置") || text.hasPrefix("您的位置")
            || (segments.count >= 3 && segments.allSatisfy({ $0.count <= 12 })) else { return false }
        if startsAtHome { segments.removeFirst() } else if let first = segments.first, !endWords.contains(first) {
            if !hints.siteNames.contains(first) { hints.siteNames.append(first) }
            segments.removeFirst()
        }
        if let last = segments.last, endWords.contains(last) { segments.removeLast() }
        if let last = segments.last, last.count >= 8 {
            hints.titleHints.append(last)
            segments.removeLast()
        }
        hints.sections.append(contentsOf: segments)
        return true
    }

    /// `题目.docx_第1页` and `题目.docxVIP专享VIP免费`: a document mill's page thumbnails; the
    /// name before the extension is the report's title.
    private func documentThumbnail(_ text: String) -> String? {
        let lower = text.lowercased()
        for ext in [".docx", ".doc", ".pdf", ".wps", ".txt", ".pptx", ".ppt"] {
            guard let range = lower.range(of: ext) else { continue }
            let after = lower[range.upperBound...]
            let isThumbnail = after.hasPrefix("_第") || after.contains("vip") || after.contains("页")
                || after.contains("下载") || after.contains("免费") || after.isEmpty
            guard isThumbnail else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            let name = String(text.prefix(offset)).trimmingSpaces
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// `添加主题教育 林秘书网到电脑桌面` names the site (林秘书网).
    private func desktopShortcutSite(_ text: String) -> String? {
        guard let end = text.range(of: "到电脑桌面") ?? text.range(of: "到桌面") else { return nil }
        var name = text[..<end.lowerBound]
        if name.hasPrefix("添加") { name = name.dropFirst(2) }
        let site = name.split(separator: " ").last.map(String.init) ?? ""
        return site.isEmpty ? "" : site
    }

    // MARK: - Runs of menu items

    /// Three or more consecutive short lines with no punctuation and no numbering are a menu
    /// (搜索 / 网站分类 / 标签列表; 专题 / 视频).
    private func removeMenuRuns(_ lines: [SourceLine]) -> (kept: [SourceLine], removed: [SourceLine]) {
        var kept: [SourceLine] = []
        var removed: [SourceLine] = []
        var run: [SourceLine] = []
        func isMenuItem(_ line: SourceLine) -> Bool {
            let t = line.text
            return t.hasAtMost(8) && !TextFeatures.hasProsePunctuation(t) && !StructureMarker.startsWithMarker(t)
                && DateFinder.firstDate(in: t) == nil
        }
        func flush() {
            let items = run.filter { !$0.isBlank }
            if items.count >= 3 { removed.append(contentsOf: items); kept.append(contentsOf: run.filter(\.isBlank)) } else { kept.append(contentsOf: run) }
            run = []
        }
        for line in lines {
            if line.isBlank { if run.isEmpty { kept.append(line) } else { run.append(line) }; continue }
            if isMenuItem(line) { run.append(line) } else { flush(); kept.append(line) }
        }
        flush()
        return (kept, removed)
    }

    // MARK: - Vocabulary

    static let breadcrumbSeparators: ScalarCharacters = [">", "›", "»", "＞", "→"]

    /// A line's comparison key: no spaces or brackets, lower-case, no trailing colon.
    static func key(_ text: String) -> String {
        let lower = text.lowercased()
        var k: String
        if lower.unicodeScalars.allSatisfy({ CharacterArray.isPlain($0.value) }) {
            // Plain scalars are characters equal only to themselves: filter by value.
            var kept = String.UnicodeScalarView()
            for scalar in lower.unicodeScalars where !keyIgnored.contains(value: scalar.value) { kept.append(scalar) }
            k = String(kept)
        } else {
            k = String(lower.filter { !" 　【】[]「」|·•".contains($0) })
        }
        while let last = k.last, ":：>".contains(last) { k.removeLast() }
        return k
    }

    /// Whole lines that are chrome (compared by `key`).
    static let exactChrome: Set<String> = [
        "首页", "网站首页", "返回首页", "搜索", "站内搜索", "网站分类", "标签列表", "专题", "视频", "图片",
        "回到顶部", "返回顶部", "顶部", "qq", "微信", "微博", "打印", "关闭", "打印本页", "关闭窗口",
        "关闭本页", "字号", "大中小", "字号:大中小", "字号：大中小", "字体:大中小", "字体：大中小", "收藏",
        "加入收藏", "分享", "分享到", "评论", "我要评论", "上一篇", "下一篇", "相关文章", "相关阅读",
        "相关推荐", "推荐阅读", "热门文章", "热点推荐", "热门推荐", "最新文章", "猜你喜欢", "扫码下载",
        "扫码关注", "下载app", "android版", "iphone版", "ipad版", "碎片内容", "确认删除?", "确认删除？",
        "电脑桌面", "资源描述", "展开阅读全文", "阅读全文", "查看全文", "全文阅读", "版权和免责声明",
        "免责声明", "版权声明", "登录", "注册", "登录注册", "网站地图", "联系我们", "关于我们", "意见反馈",
        "举报", "违规举报", "更多", "正文", "点赞", "在线客服", "手机版", "电脑版", "客户端", "无障碍",
        "繁体", "简体", "繁體", "english", "用户中心", "会员中心", "立即下载", "下载文档", "开通vip",
        "免费下载", "纠错", "我要纠错", "复制链接", "在手机上阅读", "手机阅读", "移动端", "返回",
        "返回列表", "帮助中心", "使用帮助", "设为首页", "收藏本站", "网站导航", "导航", "订阅",
        "rss", "投稿", "我要投稿", "留言", "在线留言", "广告", "声明", "安装后可以在桌面快捷访问",
        "上一页", "下一页", "尾页", "末页", "第一页", "最后一页", "返回上一页", "小字号", "中字号", "大字号", "分享让更多人看到", "相关链接", "友情链接", "长者模式", "关怀版",
        "适老化", "无障碍浏览", "智能问答", "政务微博", "政务微信", "打印文章", "关闭文章", "【大】【中】【小】",
    ]

    static let keyIgnored: ScalarCharacters = [" ", "　", "【", "】", "[", "]", "「", "」", "|", "·", "•"]

    /// 相关文章, or 【题目】相关文章：.
    static func isLinkListHeader(_ key: String) -> Bool {
        // A key ending in another character than every header ends in is none of them (the usual case).
        guard let last = key.last, linkListHeaderEnds.contains(last) else { return false }
        return linkListHeaders.contains(key) || (key.count <= 60 && linkListHeaders.contains { key.hasSuffix($0) })
    }

    static let linkListHeaderEnds = Set(linkListHeaders.compactMap(\.last))

    /// Headings of lists of links to other pages.
    static let linkListHeaders: Set<String> = [
        "相关文章", "相关阅读", "相关推荐", "推荐阅读", "热门文章", "热点推荐", "热门推荐", "最新文章", "猜你喜欢",
        "延伸阅读", "热门标签", "最新更新", "精彩推荐", "相关新闻", "热点新闻", "相关范文", "相关专题", "热门阅读",
        "为您推荐", "你可能感兴趣", "您可能感兴趣的文章", "相关文档", "热门文档", "更多相关", "猜你感兴趣",
    ]

    /// Phrases that mark a line as chrome whatever its length (compared lower-case).
    static let anywherePhrases: [String] = [
        "预览阅读已结束", "展开阅读全文", "当您付费下载", "本站所有内容", "小编为大家整理", "下面是小编",
        "点击这里给我发消息", "all rights reserved", "copyright ©", "copyright©", "违规举报", "分享到",
        "添加到电脑桌面", "桌面快捷访问", "网站标识码", "小编", "下载app", "app下载", "电脑桌面", "回到顶部",
        "返回顶部", "资源描述", "免责声明", "标签列表", "网站分类", "扫码关注", "扫码下载", "扫码联系",
        "关注公众号", "长按识别", "长按二维码", "点击关注", "版权归原作者",
        "版权归作者", "如有侵权", "侵权请联系", "联系删除", "转载请注明", "未经许可不得转载", "未经授权不得转载",
        "文档下载", "付费下载", "下载文档", "vip专享", "vip免费", "会员免费", "开通会员",
    ]

    /// Chrome phrases that report text may also use (扫码亮证, ICP证 licensing, 版权所有人):
    /// chrome only on lines without a full stop.
    static let footerPhrases: [String] = ["扫一扫", "二维码", "版权所有", "icp备", "icp证", "公网安备", "网安备", "ipv6", "位访客", "访问人次"]

    static let truncationPhrases: [String] = ["预览阅读已结束", "展开阅读全文", "阅读全文", "查看全文", "全文阅读"]

    static let prefixBytes = ByteSearch.prepare(chromePrefixes)
    static let appSuffixBytes = ByteSearch.prepare(["app", "客户端", "公众号"])

    /// What `classify` looks for anywhere in a line (lower-cased), all found in one pass.
    enum Needle: Int, CaseIterable {
        case fullStop, wideColon, editor, year, page, documentExtension, desktop, site, url, anywhere, truncation, footer, siteNotice, shortLine
    }

    static let needleGroups: [[String]] = Needle.allCases.map { needle in
        switch needle {
        case .fullStop: return ["。"]
        case .wideColon: return ["："]
        case .editor: return ["责"]
        case .year: return ["年"]
        case .page: return ["_第"]
        // Each extension `documentThumbnail` looks for (.docx and .pptx start with .doc and .ppt):
        // a line without their bytes holds none of them.
        case .documentExtension: return [".doc", ".pdf", ".wps", ".txt", ".ppt"]
        case .desktop: return ["桌面"]
        case .site: return ["本站"]
        case .url: return ["http://", "https://", "www."]
        case .anywhere: return anywherePhrases
        case .truncation: return truncationPhrases
        case .footer: return footerPhrases
        case .siteNotice: return siteNoticeWords
        case .shortLine: return shortLinePhrases
        }
    }

    /// Each needle's phrases in `needles`.
    static let needleRanges: [Range<Int>] = {
        var start = 0
        return needleGroups.map { group in
            defer { start += group.count }
            return start..<(start + group.count)
        }
    }()

    static let needles = PhraseSet(ByteSearch.prepare(needleGroups.flatMap { $0 }))

    /// Line starts that are chrome.
    static let chromePrefixes: [String] = [
        "版权声明", "免责声明", "版权和免责声明", "声明:", "声明：", "tags:", "tags：", "tag:", "标签:",
        "标签：", "关键字:", "关键字：", "关键词:", "关键词：", "上一篇:", "上一篇：", "下一篇:", "下一篇：", "主办单位", "主办：", "承办单位",
        "技术支持", "建议使用", "浏览次数", "阅读次数", "阅读量", "点击数", "点击量", "访问量",
        "浏览量", "字号：", "字号:", "【字体", "【打印", "【关闭", "相关附件", "分享到", "联系电话",
        "联系我们", "地址：", "地址:", "邮编", "邮政编码", "传真：", "网站地图", "相关链接", "友情链接",
        "扫一扫", "手机扫一扫", "微信扫一扫", "本文来源", "本文链接", "原文链接", "文章链接", "转载请注明",
        "转载请保留", "本文地址", "文章来源：", "文章出处", "电话：", "电话:", "email", "e-mail", "邮箱：",
        "网站纠错", "政府网站找错", "您是第", "当前访问量", "今日访问", "总访问量",
    ]

    /// With 本站/本网站, these make a site notice (terms of use, disclaimers).
    static let siteNoticeWords: [String] = ["文档", "版权", "转载", "上传", "侵权", "免责", "保证", "举报", "下载", "声明", "观点", "内容仅供"]

    /// Phrases that make a short line chrome: buttons, counters, prompts.
    static let shortLinePhrases: [String] = [
        "下载app", "扫码", "分享到", "浏览次数", "阅读量", "阅读数", "点击数", "点击量", "访问量",
        "浏览量", "供大家参考", "供您参考", "vip专享", "vip免费", "打印本页", "关闭窗口", "加入收藏",
        "设为首页", "返回顶部", "回到顶部", "到电脑桌面", "android版", "iphone版", "qq好友", "qq空间",
        "发消息", "确认删除", "收藏本文", "阅读原文", "关注我们",
    ]
}
