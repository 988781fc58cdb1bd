import Registry
import Testing

struct DefaultLocationTests {
    @Test(arguments: [
        (["REGISTRY_DB": "/srv/ks/registry.sqlite", "XDG_DATA_HOME": "/x", "HOME": "/home/anna"], "/srv/ks/registry.sqlite"),
        (["REGISTRY_DB": "", "XDG_DATA_HOME": "/x", "HOME": "/home/anna"], "/x/ks-registry/registry.sqlite"),
        (["XDG_DATA_HOME": "/x", "HOME": "/home/anna"], "/x/ks-registry/registry.sqlite"),
        (["XDG_DATA_HOME": "", "HOME": "/home/anna"], "/home/anna/.local/share/ks-registry/registry.sqlite"),
        (["HOME": "/home/anna"], "/home/anna/.local/share/ks-registry/registry.sqlite"),
    ])
    func theDatabaseIsFoundFromTheEnvironmentInTheDocumentedOrder(environment: [String: String], path: String) throws {
        #expect(try Registry.defaultPath(environment: environment) == path)
    }

    @Test(arguments: [[:], ["HOME": ""], ["HOME": "", "XDG_DATA_HOME": "", "REGISTRY_DB": ""]])
    func withoutHomeThereIsNoDefaultToGuess(environment: [String: String]) {
        #expect(throws: RegistryError.self) { try Registry.defaultPath(environment: environment) }
    }

    @Test(arguments: [(["USER": "anna"], "anna"), (["USER": ""], "unknown"), ([:], "unknown")])
    func changesAreMadeAsTheUserUnlessToldOtherwise(environment: [String: String], actor: String) {
        #expect(Registry.defaultActor(environment: environment) == actor)
    }

    @Test func theActorGivenIsKept() throws {
        #expect(try Registry.inMemory(actor: "ola").actor == "ola")
    }
}
