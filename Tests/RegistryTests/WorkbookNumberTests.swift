import Testing

@testable import Registry

/// Numbers in workbook cells as Excel shows them in a General cell: 15 significant digits, no
/// trailing zeros, and amounts in cents read without Foundation's formatter.
struct WorkbookNumberTests {
    @Test(arguments: [
        (1234.5, "1234.5"), (0.1 + 0.2, "0.3"), (-0.5, "-0.5"), (123_456_789.12, "123456789.12"), (1234.001, "1234.001"),
        (0.07, "0.07"), (4881.25, "4881.25"), (1e-7, "1e-07"), (2.0 / 3.0, "0.666666666666667"), (462011, "462011"), (1e20, "1e+20"),
    ])
    func numbersReadAsExcelShowsThem(number: Double, shown: String) {
        #expect(WorkbookReader.numberText(number) == shown)
    }
}
