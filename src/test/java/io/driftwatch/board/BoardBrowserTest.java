package io.driftwatch.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs; nothing is downloaded): sign in with a token, find the demo on the fleet page, open it
 * and its plan, copy a command, follow an alert's link signed out and land on that report after
 * signing in, and be refused with a session whose token is no viewer. Each page's screenshot is
 * written under target/board-screenshots/.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class BoardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "board-screenshots");

  @TestHTTPResource("/")
  URL board;

  private WebDriver browser;
  private WebDriverWait wait;
  private String auditId;

  @BeforeAll
  static void startDriver() throws IOException {
    assertThat(CHROMIUM)
        .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
        .isExecutable();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
    Files.createDirectories(SCREENSHOTS);
  }

  @BeforeEach
  void open() {
    TestPostgres.server().dropDatabase("driftwatch_demo");
    auditId = given().post("/api/v1/demo").then().statusCode(201).extract().path("id");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
    // A driver service of its own per browser: quitting a browser ends its service.
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String url(String path) {
    return board.toString().replaceAll("/$", "") + path;
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void signIn(String token) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
    browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
  }

  @Test
  void sign_in_see_the_demo_open_it_and_its_plan_and_copy_a_command() throws IOException {
    browser.get(url("/"));
    wait.until(ExpectedConditions.urlContains("/sign-in"));
    screenshot("sign-in");
    signIn(AdminTokenByDefault.ADMIN_TOKEN);

    WebElement demo = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("demo")));
    assertThat(browser.findElement(By.cssSelector("table.fleet")).getText())
        .contains("production")
        .contains("DIVERGED");
    assertThat(browser.getPageSource()).doesNotContain(AdminTokenByDefault.ADMIN_TOKEN);
    screenshot("fleet");
    assertAccessible();

    demo.click();
    wait.until(ExpectedConditions.urlContains("/environments/demo"));
    assertThat(browser.findElement(By.id("findings")).getText())
        .contains("HI002")
        .contains("HI004");
    assertThat(browser.findElement(By.id("migrations")).getText())
        .contains("PHANTOM")
        .contains("FAILED")
        .contains("PENDING");
    screenshot("environment");

    browser.findElement(By.cssSelector("nav.toc a[href='#plan']")).click();
    WebElement plan = browser.findElement(By.cssSelector("#plan pre"));
    assertThat(plan.getText()).startsWith("# Resolution plan: demo");
    screenshot("plan");

    WebElement copy = browser.findElement(By.cssSelector("#findings button.copy"));
    String command = copy.getAttribute("data-copy");
    assertThat(command).isNotBlank();
    copy.click();
    wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
    assertThat(copy.getAttribute("data-copied")).isEqualTo(command);
  }

  /**
   * What can be checked without an accessibility engine: the page's language, a label for every
   * field, and a keyboard user's first Tab landing on the skip link.
   */
  private void assertAccessible() {
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    for (WebElement field :
        browser.findElements(By.cssSelector("input:not([type=hidden]), select"))) {
      assertThat(
              browser.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
          .as("a label for %s", field.getAttribute("name"))
          .isNotEmpty();
    }
    browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
  }

  @Test
  void an_alerts_link_opened_signed_out_lands_on_its_report_after_signing_in() throws IOException {
    browser.get(url("/audits/" + auditId));
    wait.until(ExpectedConditions.urlContains("/sign-in"));
    signIn(AdminTokenByDefault.ADMIN_TOKEN);

    wait.until(ExpectedConditions.urlContains("/audits/" + auditId));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("demo");
    screenshot("audit");

    browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    wait.until(ExpectedConditions.urlContains("/sign-in"));
    browser.get(url("/audits/" + auditId));
    wait.until(ExpectedConditions.urlContains("/sign-in"));
  }

  @Test
  void a_session_whose_token_is_no_viewer_is_refused() throws IOException {
    String checker =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "ci-" + UUID.randomUUID().toString().substring(0, 8),
                    "role",
                    "checker",
                    "environments",
                    List.of("demo")))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    browser.get(url("/environments/demo"));
    signIn(checker);

    WebElement heading =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    assertThat(heading.getText()).isEqualTo("Not allowed");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("may not read the board");
    screenshot("refused");
  }
}
