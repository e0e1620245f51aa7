import Foundation

/// How region names are written in running text: short forms, and the words around a name that show it
/// is not a place after all. The lists are deliberately explicit so that a false match can be fixed by
/// adding one word.
enum RegionNames {
    // MARK: - Short forms

    /// Administrative suffixes, longest first, stripped to get a short form (昆山市 → 昆山).
    static let suffixes = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "地区", "林区", "省", "市", "县", "区", "盟", "旗"]

    /// Ethnic groups as they appear before 自治… in official names (黔南布依族苗族自治州 → 黔南).
    static let ethnicGroups: [String] = [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
        "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜",
        "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
        "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲",
        "门巴", "珞巴", "基诺",
    ].sorted { $0.count > $1.count }

    /// The short form of an official name, nil when it would be shorter than two characters.
    static func shortForm(of name: String) -> String? {
        guard let suffix = suffixes.first(where: { name.hasSuffix($0) && name.count > $0.count }) else { return nil }
        var stem = String(name.dropLast(suffix.count))
        if suffix.hasPrefix("自治") || suffix == "特别行政区" {
            stem = strippingEthnicGroups(stem)
        }
        return stem.count >= 2 && stem != name ? stem : nil
    }

    /// Extra spellings used in practice: 黔南州 for 黔南布依族苗族自治州.
    static func extraForms(of name: String) -> [String] {
        guard name.hasSuffix("自治州"), let short = shortForm(of: name) else { return [] }
        return [short + "州"]
    }

    private static func strippingEthnicGroups(_ stem: String) -> String {
        var stem = stem
        var changed = true
        while changed {
            changed = false
            for group in ethnicGroups {
                for form in [group + "族", group] where stem.hasSuffix(form) && stem.count - form.count >= 2 {
                    stem.removeLast(form.count)
                    changed = true
                }
            }
        }
        return stem
    }

    // MARK: - Pinyin

    /// Place names read some characters differently from everyday words (长沙 is cháng, not zhǎng);
    /// the transliteration knows only the everyday reading, so slugs are made from a same-sounding spelling.
    static let pinyinSpellings: [(String, String)] = [
        ("长子", "掌子"), ("长", "常"), ("厦", "夏"), ("蚌埠", "泵埠"), ("都", "督"), ("六安", "陆安"), ("六合", "陆合"),
        ("番禺", "潘禺"), ("乐亭", "老亭"), ("乐清", "月清"), ("单县", "善县"), ("丽水", "离水"), ("蔚县", "玉县"),
        ("铅山", "沿山"), ("牟平", "木平"), ("洪洞", "洪同"), ("涡阳", "锅阳"), ("台州", "胎州"), ("天台", "天胎"),
        ("枞阳", "宗阳"), ("歙县", "社县"), ("荥阳", "形阳"), ("浚县", "训县"), ("犍为", "前为"), ("筠连", "军连"),
        ("大埔", "大布"), ("东莞", "东管"), ("曲阜", "屈阜"), ("曲靖", "屈靖"), ("曲沃", "屈沃"), ("曲周", "屈周"),
    ]

    static func spellingForPinyin(_ name: String) -> String {
        // Most names hold none of the characters: skip them without searching each spelling.
        guard name.unicodeScalars.contains(where: { pinyinScalars.contains($0) }) else { return name }
        return pinyinSpellings.reduce(name) { $0.contains($1.0) ? $0.replacingOccurrences(of: $1.0, with: $1.1) : $0 }
    }

    private static let pinyinScalars = Set(pinyinSpellings.flatMap { $0.0.unicodeScalars })

    // MARK: - Words that are not places

    /// Short forms (and a few full names) that are ordinary words far more often than places:
    /// 乡村振兴 is not 振兴区, 资源 is not 资源县, 合作 is not 合作市.
    static let commonWords: Set<String> = [
        "中山", "开发", "新区", "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "市中", "新市",
        "振兴", "光明", "和平", "新华", "长安", "青山", "白云", "红旗", "复兴", "先锋", "新城", "南山", "东山",
        "东方", "前进", "平安", "永安", "长寿", "太平", "安宁", "安定", "富裕", "方正", "友谊", "团结", "建设",
        "民主", "胜利", "和顺", "永和", "大安", "新兴", "城中", "城东", "城西", "城南", "城北", "城关", "东城",
        "西城", "江口", "河口", "港口", "海港", "通道", "合作", "共和", "大方", "安康", "泰山", "江山", "资源",
        "南部", "中方", "新建", "清新", "兴业", "平原", "凤凰", "兴国", "富民", "乐业", "安居", "同心", "中原",
        "上街", "惠民", "东海", "南海", "西湖", "东湖", "南湖", "龙湖", "朝阳", "金山", "吉利", "向阳", "高新",
        "大通", "红星", "白银", "来宾", "阿里", "弥勒", "天长", "无为", "阳春", "灯塔", "同仁", "白杨", "新星", "杨梅", "樟树",
        "榆树", "磐石", "临江", "沙河", "海西", "新乡贤",
    ]

    /// Words containing a place's short form that are not about the place: 美丽江西 is not 丽江,
    /// 珠江口 is not 江口. Scanned as patterns; a match on one of them hides the overlapping names.
    static let blockers: [String] = [
        "美丽", "珠江", "长江", "汉江", "闽江", "钱塘江", "湘江", "江河", "黄河", "淮河", "海河", "松花江",
        "新乡贤", "乡贤", "江浙", "京津冀", "长三角", "珠三角", "大湾区", "东北", "西北", "西南", "东南", "华北",
        "华东", "华南", "华中", "中部", "西部", "东部", "北部", "开发区", "高新区", "经开区", "示范区",
        "自贸区", "园区", "社区", "小区", "景区", "城区", "新区", "片区", "辖区", "山区", "牧区", "库区", "老区",
        "林区", "矿区", "地区", "省委", "市委", "县委", "区委", "省市", "市县", "县市", "省区", "真金白银",
        "长治久安", "四平八稳", "阿里巴巴", "三明治", "文山会海", "天南海北", "山南海北", "新民主", "高密度",
        "三纲五常", "延安精神", "井冈山精神", "大庆精神", "张家港精神", "遵义会议精神",
    ]

    /// What may follow a short form when the text means something else: 永兴锅炉, 光明南路, 滨湖花园, 兴业银行.
    static let nonPlaceFollowers: [String] = [
        "路", "街", "大街", "大道", "巷", "弄", "花园", "小区", "公寓", "家园", "新村", "山庄", "苑", "广场",
        "大厦", "锅炉", "公司", "集团", "银行", "农商", "贷", "大学", "学院", "中学", "小学", "宾馆", "酒店",
        "饭店", "医院", "股份", "有限", "实业", "制药", "药业", "号", "牌", "公园",
    ]

    /// Words that begin with the last character of an official name: 兴和县 in 振兴和县域经济.
    static let suffixWords: [String] = [
        "县域", "县级", "市域", "市场", "市民", "市级", "市值", "区域", "区位", "区块", "区级", "区间", "省级", "省份", "旗帜",
    ]

    /// A short form followed by one of these names a town or village, not the county: 芦溪镇 is not 芦溪县.
    static let townSuffixes: [String] = ["街道", "镇", "乡", "村"]

    /// Characters standing for a withheld name: X镇, **县, xx县, 某县, ××县.
    static func isPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        "Xx*＊×某ＸｘＯ○".unicodeScalars.contains(scalar)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
