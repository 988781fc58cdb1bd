import Foundation

/// An HTML page printed by headless Chromium to PDF, as poppler-utils reads it back: the page count and
/// size, and each word with its box, page by page.
struct PrintedPage {
    struct Word {
        let text: String
        let height: Double
    }

    /// Width and height of the first page, in points.
    let pageSize: (width: Double, height: Double)
    /// The words on each page.
    let pages: [[Word]]

    /// Prints `html` (written to `folder`) to PDF and reads it back.
    static func print(_ html: String, named name: String, in folder: URL) throws -> PrintedPage {
        let page = folder.appendingPathComponent("\(name).html")
        let pdf = folder.appendingPathComponent("\(name).pdf")
        try html.write(to: page, atomically: true, encoding: .utf8)
        try run(
            "/usr/bin/chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("\(name)-profile").path)",
                "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ])
        let info = try run("/usr/bin/pdfinfo", [pdf.path])
        let boxes = try run("/usr/bin/pdftotext", ["-bbox", pdf.path, "-"])
        return PrintedPage(pageSize: try size(from: info), pages: words(from: boxes))
    }

    /// How wide `html` lays out in a browser window `window` pixels wide: the page's scroll width and its
    /// table's (scrolled and visible). The page's own policy forbids scripts: a copy without it measures.
    static func widths(_ html: String, named name: String, in folder: URL, window: Int) throws -> (page: Int, table: Int, visible: Int) {
        let probe = """
            <script>var w = document.querySelector(".table-wrap"); document.body.setAttribute("data-widths",
            [document.documentElement.scrollWidth, w ? w.scrollWidth : 0, w ? w.clientWidth : 0].join(" "));</script></body>
            """
        let measured = html.split(separator: "\n").filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
            .replacingOccurrences(of: "</body>", with: probe)
        let page = folder.appendingPathComponent("\(name)-screen.html")
        try measured.write(to: page, atomically: true, encoding: .utf8)
        let dom = try run(
            "/usr/bin/chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--window-size=\(window),900",
                "--user-data-dir=\(folder.appendingPathComponent("\(name)-screen-profile").path)", "--dump-dom", page.absoluteString,
            ])
        guard let range = dom.range(of: #"data-widths="(\d+) (\d+) (\d+)""#, options: .regularExpression) else {
            throw PrintError("the page reported no widths")
        }
        let numbers = dom[range].dropFirst(13).dropLast().split(separator: " ").compactMap { Int($0) }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// True when the page is A4 (595 × 842 pt) in either orientation.
    var isA4: Bool {
        let sides = [pageSize.width, pageSize.height].sorted()
        return abs(sides[0] - 595.3) < 1 && abs(sides[1] - 841.9) < 1
    }

    var isLandscape: Bool { pageSize.width > pageSize.height }

    /// The height of the first word `text` on the first page, in points.
    func height(of text: String) -> Double? { pages.first?.first { $0.text == text }?.height }

    // MARK: Reading poppler's output

    private static func size(from info: String) throws -> (width: Double, height: Double) {
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Page size:") }) else {
            throw PrintError("pdfinfo printed no page size: \(info)")
        }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { throw PrintError("cannot read \(line)") }
        return (numbers[0], numbers[1])
    }

    /// `pdftotext -bbox` writes one `<page>` element per page with a `<word yMin=… yMax=…>text</word>` per word.
    private static func words(from xhtml: String) -> [[Word]] {
        xhtml.components(separatedBy: "<page ").dropFirst().map { page in
            page.components(separatedBy: "<word ").dropFirst().compactMap { element -> Word? in
                guard let yMin = attribute("yMin", in: element), let yMax = attribute("yMax", in: element),
                    let open = element.firstIndex(of: ">"), let close = element.range(of: "</word>")
                else { return nil }
                let text = String(element[element.index(after: open)..<close.lowerBound])
                return Word(text: text.replacingOccurrences(of: "&amp;", with: "&"), height: yMax - yMin)
            }
        }
    }

    private static func attribute(_ name: String, in element: String) -> Double? {
        guard let start = element.range(of: "\(name)=\"") else { return nil }
        return Double(element[start.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw PrintError("\(executable) is missing: install chromium and poppler-utils (.ci/run does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        guard process.terminationStatus == 0 else {
            throw PrintError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return try String(contentsOf: output, encoding: .utf8)
    }
}

struct PrintError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
