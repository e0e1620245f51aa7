/// Chooses a report's genre from cues in its title, a genre label, the page's sections and the
/// opening of its text.
///
/// Genres: 调研报告 (research/survey reports), 讲话发言 (speeches and statements at meetings),
/// 经验做法 (case write-ups of what a place did), 理论评论 (commentary and theory articles),
/// 工作报告 (government work reports, work summaries, 述职), 政策文件 (notices, opinions,
/// measures, plans, regulations), 新闻报道 (news), 其他 (anything else).
public enum GenreClassifier {
    public static let genres = ["调研报告", "讲话发言", "经验做法", "理论评论", "工作报告", "政策文件", "新闻报道", "其他"]

    public struct Cues: Sendable {
        public var title: String
        public var label: String?
        public var sections: [String]
        public var opening: String
        public var hasArticles: Bool

        public init(title: String, label: String? = nil, sections: [String] = [], opening: String = "", hasArticles: Bool = false) {
            self.title = title
            self.label = label
            self.sections = sections
            self.opening = opening
            self.hasArticles = hasArticles
        }
    }

    public static func genre(_ cues: Cues) -> String {
        if let label = cues.label, let genre = fromLabel(label) { return genre }
        if let genre = fromTitle(cues.title) { return genre }
        if let genre = fromOpening(cues.opening, hasArticles: cues.hasArticles) { return genre }
        for section in cues.sections {
            if ["思想", "理论", "评论", "观点", "时评", "言论", "学习"].contains(where: section.contains) { return "理论评论" }
            if ["新闻", "要闻", "动态", "资讯", "快讯"].contains(where: section.contains) { return "新闻报道" }
            if ["政策", "文件", "公开"].contains(where: section.contains) { return "政策文件" }
        }
        return "其他"
    }

    static func fromLabel(_ label: String) -> String? {
        if label.contains("经验") || label.contains("案例") { return "经验做法" }
        if label.contains("调研") || label.contains("调查") { return "调研报告" }
        if label.contains("讲话") || label.contains("发言") || label == "党课" { return "讲话发言" }
        if label.contains("报告") || label.contains("总结") || label.contains("汇报") { return "工作报告" }
        if label.contains("政策") { return "政策文件" }
        if label.contains("评论") || label.contains("理论") || label.contains("时评") { return "理论评论" }
        if label.contains("新闻") { return "新闻报道" }
        return nil
    }

    static func fromTitle(_ title: String) -> String? {
        let t = title
        if ["调研报告", "调查报告", "调研与思考", "调查与思考", "考察报告", "的调研", "的调查", "调研综述"].contains(where: t.contains) { return "调研报告" }
        if ["政府工作报告", "工作报告", "工作总结", "述职报告", "述职述廉", "工作汇报", "情况汇报", "情况报告", "年度总结"].contains(where: t.contains) { return "工作报告" }
        if ["讲话", "发言", "致辞", "讲稿", "党课", "研讨", "座谈会上", "动员会", "推进会上", "会议上"].contains(where: t.contains) { return "讲话发言" }
        if ["经验做法", "典型经验", "经验交流", "典型案例", "做法与成效", "的做法", "经验材料", "工作经验", "经验介绍", "典型材料", "亮点做法", "创新做法"].contains(where: t.contains) { return "经验做法" }
        let policyEnds = ["通知", "意见", "办法", "规定", "方案", "条例", "细则", "措施", "规划", "决定", "公告", "通告", "纲要", "指南", "批复", "若干政策", "实施意见", "指导意见"]
        if policyEnds.contains(where: t.hasSuffix) || t.hasPrefix("关于印发") { return "政策文件" }
        if ["评论", "时评", "述评", "浅谈", "浅析", "探析", "刍议", "思考", "启示", "之道", "路径探索", "心得体会", "学习体会"].contains(where: t.contains) || t.hasPrefix("论") { return "理论评论" }
        if ["召开", "举行", "出席", "会见", "考察", "走访", "签约", "开幕", "闭幕", "启动仪式", "一行", "来我县", "来我市"].contains(where: t.contains) { return "新闻报道" }
        return nil
    }

    static func fromOpening(_ opening: String, hasArticles: Bool) -> String? {
        let head = String(opening.prefix(300))
        if head.hasPrefix("同志们") || head.hasPrefix("各位代表") || head.hasPrefix("各位领导") { return "讲话发言" }
        if hasArticles || ["通知如下", "提出如下意见", "特制定本", "制定本办法", "现印发给你们", "请认真贯彻执行"].contains(where: head.contains) { return "政策文件" }
        if ["本报讯", "日电", "记者", "讯（", "讯("].contains(where: head.contains) { return "新闻报道" }
        if ["调研组", "通过调研", "调研发现", "深入调研", "调研中发现"].contains(where: head.contains) { return "调研报告" }
        if ["工作总结如下", "工作情况报告如下", "现将", "年来，"].contains(where: head.contains) && head.contains("总结") { return "工作报告" }
        return nil
    }
}
