import ArgumentParser

@main
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "registry")
}
