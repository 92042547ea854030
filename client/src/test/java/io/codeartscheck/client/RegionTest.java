package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regions are a type: the eight of the docs as constants, later ones by id. */
class RegionTest {
  @Test
  void theEightDocumentedRegions_inTheDocsOrder() {
    assertThat(Region.documentedRegions()).extracting(Region::id).containsExactly("cn-north-4",
        "cn-north-1", "cn-east-2", "cn-south-1", "cn-east-3", "la-north-2", "sa-brazil-1",
        "ap-southeast-3");
    assertThat(Region.documentedRegions()).containsExactly(Region.CN_NORTH_4, Region.CN_NORTH_1,
        Region.CN_EAST_2, Region.CN_SOUTH_1, Region.CN_EAST_3, Region.LA_NORTH_2,
        Region.SA_BRAZIL_1, Region.AP_SOUTHEAST_3);
  }

  @Test
  void of_aDocumentedId_isItsConstant() {
    assertThat(Region.of("cn-north-4")).isSameAs(Region.CN_NORTH_4);
    assertThat(Region.of("ap-southeast-3")).isSameAs(Region.AP_SOUTHEAST_3);
  }

  @Test
  void of_aLaterRegion_isAcceptedWithItsEndpoint() {
    Region later = Region.of("me-east-1");

    assertThat(later.id()).isEqualTo("me-east-1");
    assertThat(later.endpoint())
        .isEqualTo(URI.create("https://codearts-check.me-east-1.myhuaweicloud.com"));
    assertThat(later).isEqualTo(Region.of("me-east-1")).hasSameHashCodeAs(Region.of("me-east-1"))
        .hasToString("me-east-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CN-NORTH-4", "cn north 4", "cn-north-4.evil.example/",
      "cn-north-4@evil", "north", "-cn-4", "cn-north-4 "})
  void of_somethingThatIsNoRegionId_failsListingTheDocumentedRegions(String id) {
    assertThatThrownBy(() -> Region.of(id)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a region id")
        .hasMessageContaining("cn-north-4, cn-north-1, cn-east-2");
  }
}
