import FuzzSupport
import NewsletterKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    ConfigurationCheck.run(Fuzzing.data(bytes, count))
    return 0
}

@_cdecl("FuzzConfiguration_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.main(argc, argv, seeds: SeedCorpus.configurations, test: fuzzOneInput)
}
