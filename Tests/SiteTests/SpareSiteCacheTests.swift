import Foundation
@testable import Site
import Taxonomy
import Testing

/// The files a spare site's record names are removed and linked by the next build: a build cache
/// naming a file outside the site's folder is not trusted.
struct SpareSiteCacheTests {
    @Test func onlyPathsUnderTheSiteAreTrusted() {
        for path in ["reports/a/index.html", "search/d/0/7-1.js", "sitemap.xml", ".gitkeep"] {
            #expect(SpareSite.isInside(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "../content/reports/a.md", "reports/../../site.yml", "reports//a", "./sitemap.xml", "reports/a/"] {
            #expect(!SpareSite.isInside(path), "\(path)")
        }
    }

    @Test func aCacheNamingAFileOutsideTheSiteIsIgnored() throws {
        let gazetteer = Gazetteer(regions: [])
        func cache(_ removed: [String]) -> BuildCache {
            BuildCache(inputs: BuildInputs(program: 1, taxonomy: 2, config: 3), templates: ["report": 4], assets: 5, listing: 6,
                       reports: [], search: nil, loadStarted: 7, spare: SpareSite(id: 8, written: ["sitemap.xml"], removed: removed))
        }
        let good = try BuildCache(bytes: cache(["search/p/3-1.js"]).encoded(), gazetteer: gazetteer)
        #expect(good.spare == SpareSite(id: 8, written: ["sitemap.xml"], removed: ["search/p/3-1.js"]))
        #expect(throws: (any Error).self) { try BuildCache(bytes: cache(["../content/reports/a.md"]).encoded(), gazetteer: gazetteer) }
    }
}
