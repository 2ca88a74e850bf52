import Extract
import JianbaoCore
import Normalize
import Testing

/// The unit rules on small inputs, one rule per test: what each finds, its span and its name,
/// and what it must leave alone.
@Suite struct UnitRuleTests {
    struct Found {
        var units: [OrganisationUnit]
        var people: [Person]
        var diagnostics: [Diagnostic]
        var source: [Unicode.Scalar]

        func slice(_ span: SourceSpan) -> String {
            String(String.UnicodeScalarView(source[span.start..<span.end]))
        }

        func units(_ role: OrganisationUnit.Role) -> [(text: String, name: String)] {
            units.filter { $0.role == role }.map { (slice($0.span), $0.name) }
        }
    }

    static func run(_ source: String, fields: [(name: String, value: String)] = [], issuer: String? = nil) -> Found {
        let scalars = Array(source.unicodeScalars)
        let working = Normalizer().normalize(SourceText(source))
        var itemFields: [Field] = []
        for field in fields {
            let value = Array(field.value.unicodeScalars)
            let start = (0...(scalars.count - value.count)).first { Array(scalars[$0..<($0 + value.count)]) == value }!
            itemFields.append(Field(name: field.name, value: field.value, span: SourceSpan(start: start, end: start + value.count)))
        }
        let item = Item(path: ["1"], marker: "1.", kind: "item", title: "", fields: itemFields, span: SourceSpan(start: 0, end: scalars.count))
        let result = UnitExtractor().extract(
            working, items: fields.isEmpty ? [] : [item], masthead: MastheadFacts(issuer: issuer, issuerSpan: nil, documentFields: []))
        return Found(units: result.units, people: result.people, diagnostics: result.diagnostics, source: scalars)
    }

    // 安阳、鹤壁三市人大常委会 → two declarers, each spanning its city; 三 ≠ 2 is reported.
    @Test func sharedSuffixIsExpandedAndTheCountChecked() {
        let found = Self.run("申报单位：安阳、鹤壁三市人大常委会\n", fields: [("申报单位", "安阳、鹤壁三市人大常委会")])
        let declarers = found.units(.declarer)
        #expect(declarers.map(\.text) == ["安阳", "鹤壁"])
        #expect(declarers.map(\.name) == ["安阳市人民代表大会常务委员会", "鹤壁市人民代表大会常务委员会"])
        #expect(found.diagnostics.map(\.code) == ["declared-count-mismatch"])
    }

    // 省人大法制委员会、省人大常委会法制工作委员会 → two declarers, full names, no diagnostic.
    @Test func declarerListIsSplit() {
        let value = "省人大法制委员会、省人大常委会法制工作委员会，郑州市金水区人大常委会"
        let found = Self.run("申报单位：\(value)\n河南", fields: [("申报单位", value)])
        #expect(found.units(.declarer).map(\.name) == [
            "河南省人民代表大会法制委员会", "河南省人民代表大会常务委员会法制工作委员会", "郑州市金水区人民代表大会常务委员会",
        ])
        #expect(found.diagnostics.isEmpty)
    }

    // 周口市人大常委会主任 吴刚 → unit and person.
    @Test func speakerLine() {
        let found = Self.run("周口市人大常委会主任 吴刚\n", fields: [("发言人", "周口市人大常委会主任 吴刚")])
        #expect(found.units(.speaker).map(\.text) == ["周口市人大常委会"])
        #expect(found.people.map(\.name) == ["吴刚"])
        #expect(found.people.first?.position == "主任")
        #expect(found.people.first.map { found.slice($0.span) } == "吴刚")
    }

    // 本报讯（记者蔡文瑞） and （本报记者 蔡文瑞）.
    @Test func reporterBylines() {
        let found = Self.run("本报讯（记者蔡文瑞）宝丰县人大常委会探索推行票决制。\n（本报记者 蔡文瑞）")
        #expect(found.units(.reporter).map(\.text) == ["本报", "本报"])
        #expect(found.people.map(\.name) == ["蔡文瑞", "蔡文瑞"])
        #expect(found.people.allSatisfy { $0.role == .reporter && $0.organisation == "本报" })
        #expect(found.units(.mentioned).map(\.name) == ["宝丰县人民代表大会常务委员会"])
    }

    /// A news brief's byline as the page prints it, and what `reporters` makes of it: the
    /// texts of the reporter units and the journalists named.
    struct BylineCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var reporters: [String]
        var journalists: [String]
        var testDescription: String { name }
    }

    static let bylineCases: [BylineCase] = [
        BylineCase(
            name: "本报讯 with the journalist", input: "宝丰：民生实事项目票决彰显民生温度\n本报讯（记者蔡文瑞）宝丰县人大常委会探索推行票决制。",
            reporters: ["本报"], journalists: ["蔡文瑞"]),
        BylineCase(
            name: "本报讯 alone, then the body", input: "宝丰：民生实事项目票决彰显民生温度\n本报讯 近日，宝丰县人大常委会探索推行票决制。",
            reporters: ["本报"], journalists: []),
        BylineCase(
            name: "本报讯 straight into the body", input: "本报讯宝丰县人大常委会探索推行民生实事项目人大代表票决制。", reporters: ["本报"],
            journalists: []),
        BylineCase(
            name: "本报讯 with a colon, indented", input: "舞钢：“三级运行体系”打通基层民主“最后一公里”\n  本报讯：舞钢市人大常委会积极践行全过程人民民主。",
            reporters: ["本报"], journalists: []),
        BylineCase(
            name: "two briefs in a row, one with a journalist",
            input: "宝丰：民生实事项目票决彰显民生温度\n本报讯 宝丰县人大常委会探索推行票决制。\n\n舞钢：“三级运行体系”打通基层民主“最后一公里”\n本报讯（记者蔡文瑞）舞钢市人大常委会积极践行全过程人民民主。",
            reporters: ["本报", "本报"], journalists: ["蔡文瑞"]),
        BylineCase(
            name: "本报讯 inside a sentence is no byline", input: "宝丰县人大常委会的做法经本报讯报道后，在全省引起广泛关注。", reporters: [],
            journalists: []),
        BylineCase(
            name: "本报 inside a sentence is no byline", input: "据本报报道，宝丰县人大常委会探索推行票决制。", reporters: [], journalists: []),
    ]

    @Test(arguments: bylineCases)
    func newsBriefBylines(_ byline: BylineCase) {
        let found = Self.run(byline.input)
        let reporters = found.units(.reporter)
        #expect(reporters.map(\.text) == byline.reporters)
        #expect(reporters.allSatisfy { $0.name == "本报" })
        #expect(found.people.map(\.name) == byline.journalists)
        #expect(found.people.allSatisfy { $0.role == .reporter && $0.position == "记者" && $0.organisation == "本报" })
    }

    // A plan headed by its issuing body; 由…负责 resolves 常委会 against that body's county.
    @Test func planIssuerAndResponsible() {
        let found = Self.run(
            "濮阳县人民代表大会常务委员会\n\n2023 年度监督工作计划\n\n1. 听取审议县政府关于优化营商环境工作情况的报告。（由常委会财经工作委员会负责做好相关工作）\n")
        #expect(found.units(.issuer).map(\.name) == ["濮阳县人民代表大会常务委员会"])
        #expect(found.units(.responsible).map(\.text) == ["常委会财经工作委员会"])
        #expect(found.units(.responsible).map(\.name) == ["濮阳县人民代表大会常务委员会财经工作委员会"])
        #expect(found.units(.mentioned).map(\.name) == ["濮阳县人民政府"])
    }

    // (漯河市人大常委会代表工委供稿) and …本版图片均为市人大常委会供图, read from the lines.
    @Test func contributorLines() {
        let found = Self.run("漯河市\n\n（漯河市人大常委会代表工委供稿）\n")
        #expect(found.units(.contributor).map(\.name) == ["漯河市人民代表大会常务委员会代表工作委员会"])
    }

    /// Bare levels listed before an organisation in running text, and what `mentioned` makes
    /// of them: the texts and names of the mentioned units, in text order.
    struct LeadingLevelCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var texts: [String]
        var names: [String]
        var testDescription: String { name }
    }

    static let leadingLevelCases: [LeadingLevelCase] = [
        LeadingLevelCase(
            name: "省 before 市人大常委会", input: "商丘市虞城县人大常委会在省、市人大常委会的精心指导下开展工作。",
            texts: ["商丘市虞城县人大常委会", "省", "市人大常委会"],
            names: ["虞城县人民代表大会常务委员会", "河南省人民代表大会常务委员会", "商丘市人民代表大会常务委员会"]),
        LeadingLevelCase(
            name: "市 before 区人大, in a district's document", input: "开封市龙亭区人大常委会设立龙亭区联络点，在市、区人大的鼓励和支持下挂牌成立。",
            texts: ["开封市龙亭区人大常委会", "市", "区"],
            names: ["开封市龙亭区人民代表大会常务委员会", "开封市人民代表大会", "开封市龙亭区人民代表大会"]),
        LeadingLevelCase(
            name: "各市、县 names no single city", input: "平顶山市郏县人大常委会通知各市、县人大常委会。",
            texts: ["平顶山市郏县人大常委会", "县人大常委会"], names: ["郏县人民代表大会常务委员会", "郏县人民代表大会常务委员会"]),
        LeadingLevelCase(
            name: "全省、市 is the whole province", input: "平顶山市人大常委会部署全省、市人大常委会工作。",
            texts: ["平顶山市人大常委会", "市人大常委会"], names: ["平顶山市人民代表大会常务委员会", "平顶山市人民代表大会常务委员会"]),
        LeadingLevelCase(
            name: "省市县三级 has no 、", input: "平顶山市人大常委会联系省市县三级人大代表。", texts: ["平顶山市人大常委会"],
            names: ["平顶山市人民代表大会常务委员会"]),
        LeadingLevelCase(
            name: "a list of full places", input: "郑州市、开封市人大常委会联合调研。", texts: ["开封市人大常委会"],
            names: ["开封市人民代表大会常务委员会"]),
        LeadingLevelCase(
            name: "乡 has no place in the context", input: "平顶山市郏县人大常委会指导县、乡两级人大换届选举。", texts: ["平顶山市郏县人大常委会"],
            names: ["郏县人民代表大会常务委员会"]),
    ]

    @Test(arguments: leadingLevelCases)
    func leadingLevels(_ level: LeadingLevelCase) {
        let found = Self.run(level.input)
        let mentioned = found.units(.mentioned)
        #expect(mentioned.map(\.text) == level.texts)
        #expect(mentioned.map(\.name) == level.names)
    }

    // Not organisations as actors: deputies, titles, meeting names, whole areas, posts.
    @Test(arguments: [
        "全市人大代表积极参与。", "学习《河南省人大常委会关于加强代表工作的决定》。", "贯彻中央和省委、市委人大工作会议精神。",
        "全县上下齐心协力。", "平顶山市人大常委会主任张明新说。", "在河南人大官网推出专栏。", "市十二届人大常委会第十三次会议召开。",
    ])
    func notMentioned(_ sentence: String) {
        let found = Self.run("平顶山市\n" + sentence)
        #expect(found.units.isEmpty, "\(found.units.map(\.text))")
    }
}
