import Foundation
import Registry
import Testing

/// Hints where a command would otherwise leave the user guessing: a mistyped subcommand, more
/// search hits than shown, a town that nothing can match.
struct CommandHintTests {
    @Test func aMistypedSubcommandNamesTheNearestOne() throws {
        let folder = try SampleRegister.create()
        let top = try CommandRunner.registry(folder, ["cty", "list"])
        #expect(top.status == 64)
        #expect(top.stderr.hasPrefix("Error: 'cty' is not a command of registry; did you mean 'city'? Its commands: city, partner,"), "\(top.stderr)")
        let sub = try CommandRunner.registry(folder, ["partnership", "lsit"])
        #expect(sub.stderr.hasPrefix("Error: 'lsit' is not a command of registry partnership; did you mean 'list'?"), "\(sub.stderr)")
        let far = try CommandRunner.registry(folder, ["xyzzy"])
        #expect(far.stderr.hasPrefix("Error: 'xyzzy' is not a command of registry. Its commands:"), "\(far.stderr)")
        // What is not a subcommand is left to the commands: names, help, the completion script.
        #expect(try CommandRunner.registry(folder, ["city", "show", "lodz"]).status == 0)
        #expect(try CommandRunner.run(["help", "city"]).status == 0)
        #expect(try CommandRunner.run(["--generate-completion-script", "bash"]).status == 0)
    }

    @Test func searchSaysHowManyMoreMatchThanItShows() throws {
        let folder = try SampleRegister.create()
        let all = try CommandRunner.registry(folder, ["search", "bergen", "--format", "csv"])
        let total = all.stdout.split(separator: "\r\n").count - 1
        #expect(total >= 3 && all.stderr.isEmpty, "\(all)")
        let two = try CommandRunner.registry(folder, ["search", "bergen", "--limit", "2", "--format", "csv"])
        #expect(two.stdout.split(separator: "\r\n").count == 3, "the rows stay on stdout, 2 of them")
        #expect(two.stderr == "\(total - 2) more \(total - 2 == 1 ? "record matches" : "records match"); --limit \(total) shows them all.\n")
        let exact = try CommandRunner.registry(folder, ["search", "bergen", "--limit", String(total)])
        #expect(exact.stderr.isEmpty)
    }

    @Test func aTownWithNothingToMatchOnGetsAHint() throws {
        let folder = try SampleRegister.create()
        #expect(try CommandRunner.registry(folder, ["city", "add", "Nysa", "--voivodeship", "opolskie"]).status == 0)
        let result = try CommandRunner.registry(folder, ["match", "nysa"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "Nysa has no topics and no expectations, so no partner can match; give the topics it wants help with: "
                + "registry city edit 3 --topics CODE,... (`registry theme list` shows the codes), and --expectations in words.\n")
        // A town with topics gets its list and no hint.
        #expect(try CommandRunner.registry(folder, ["match", "lodz"]).stderr.isEmpty)
    }
}
