package app.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiTest;
import app.spotter.support.Reply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebClientRoutesTest extends ApiTest {
  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

  @ParameterizedTest
  @ValueSource(strings = {"/", "/trainer/", "/trainee/", "/display/"})
  @DisplayName("each screen is served as HTML that is always revalidated, and its script loads with a long cache life")
  void screens(String page) {
    Reply html = anonymous.get(stack.baseUrl() + page);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.header("Cache-Control")).isEqualTo("no-cache");
    Matcher script = SCRIPT.matcher(html.body());
    assertThat(script.find()).as("the page names its script: %s", html.body()).isTrue();

    Reply asset = anonymous.get(stack.baseUrl() + script.group(1));
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.contentType()).contains("javascript");
    assertThat(asset.header("Cache-Control")).contains("max-age=31536000");

    assertThat(html.body()).contains("<link rel=\"icon\" href=\"/favicon.svg\"");
  }

  @Test
  @DisplayName("the favicon every page names is served as SVG")
  void favicon() {
    Reply icon = anonymous.get(stack.baseUrl() + "/favicon.svg");
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.contentType()).startsWith("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg");
  }

  @Test
  @DisplayName("a screen's address without its slash redirects to it, so relative links keep working")
  void withoutSlash() {
    Reply reply = anonymous.get(stack.baseUrl() + "/trainee");
    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Location")).isEqualTo("/trainee/");
  }

  @Test
  @DisplayName("the API still answers its own 404 as problem+json, not a page")
  void apiUntouched() {
    Reply reply = anonymous.get("/no-such-thing");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
