package io.synapse.plugins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.console.fixture.Gate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): fill a form, see each violation on its
 * field, run, watch the bars move in the order the action reports (the action waits at each epoch until
 * the test opens its gate: ordering, not timing), read the result; the secret typed in never comes back
 * in the page, the responses the page reads or the console's log.
 */
class ConsoleBrowserTest {
  static final String SECRET = "brw-Secret-77q";
  static ConsoleFixture console;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() {
    Gate.reset();
    console = ConsoleFixture.loopback();
    driver = Browser.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterAll
  static void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      console.close();
    }
  }

  @Test
  void formViolationsLiveProgressAndResult() throws Exception {
    openAction("train");
    type("field-dataset_name", "   ");
    type("field-epochs", "11");
    type("field-api_token", SECRET);
    type("field-augment_rotate", "95");
    driver.findElement(By.id("validate-button")).click();
    WebElement datasetViolation = violation("dataset_name");
    wait.until(d -> !datasetViolation.getText().isEmpty());
    assertTrue(datasetViolation.getText().startsWith("dataset_name:"), datasetViolation.getText());
    assertTrue(violation("epochs").getText().contains("[Max]"), violation("epochs").getText());
    assertTrue(violation("augment.rotate").getText().contains("[Max]"), violation("augment.rotate").getText());
    assertEquals("", violation("optimizer").getText());
    assertEquals("", driver.findElement(By.id("form-violations")).getText());
    Browser.screenshot(driver, "console-violations");

    type("field-dataset_name", "cats");
    type("field-epochs", "3");
    type("field-augment_rotate", "10");
    type("field-tags", "first\nsecond");
    driver.findElement(By.id("field-pause")).click();
    driver.findElement(By.id("validate-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("form-status"), "The params are valid."));
    wait.until(d -> violation("dataset_name").getText().isEmpty());
    driver.findElement(By.id("run-button")).click();

    // The download category is done and the action waits before its first epoch: no train bar, no result.
    wait.until(d -> "100".equals(bar("download")));
    assertTrue(driver.findElements(By.cssSelector(".category-bar[data-category='train']")).isEmpty());
    assertEquals("(running)", driver.findElement(By.id("result")).getText());
    assertEquals("running", driver.findElement(By.id("run-status")).getText());
    Gate.open();
    wait.until(d -> "33.3".equals(bar("train")));
    assertEquals("(running)", driver.findElement(By.id("result")).getText());
    assertEquals("66.7", driver.findElement(By.id("overall-bar")).getAttribute("data-percent"));
    wait.until(d -> d.findElements(By.cssSelector("tr[data-metric='train/loss']")).size() == 1);
    Browser.screenshot(driver, "console-running");
    Gate.open();
    wait.until(d -> "66.7".equals(bar("train")));
    assertEquals("(running)", driver.findElement(By.id("result")).getText());
    Gate.open();
    wait.until(ExpectedConditions.textToBe(By.id("run-status"), "succeeded"));
    String result = driver.findElement(By.id("result")).getText();
    assertTrue(result.contains("\"status\": \"completed\"") && result.contains("\"epochs\": 3"), result);
    assertTrue(result.contains("trained with ***"), result);
    assertEquals("100", bar("train"));
    assertEquals("100", driver.findElement(By.id("overall-bar")).getAttribute("data-percent"));
    String log = driver.findElement(By.id("log")).getText();
    assertTrue(log.contains("training on cats with token ***"), log);
    assertTrue(log.contains("message: using token ***"), log);
    wait.until(d -> d.findElement(By.cssSelector("#runs-table tbody")).getText().contains("succeeded"));
    Browser.screenshot(driver, "console-result");

    assertSecretNowhere();
    openAction("train");
    assertEquals("", driver.findElement(By.id("field-api_token")).getAttribute("value"), "a secret field starts empty");
  }

  @Test
  void aFailureShowsTheTypedErrorMasked() throws Exception {
    openAction("fail");
    type("field-password", SECRET);
    driver.findElement(By.id("run-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("run-status"), "failed"));
    String error = driver.findElement(By.id("run-error")).getText();
    assertTrue(error.startsWith("execution_error: "), error);
    assertTrue(error.contains("cannot connect with ***"), error);
    assertFalse(error.contains(SECRET), error);
    Browser.screenshot(driver, "console-error");
    assertSecretNowhere();
  }

  @Test
  void theRunsListStopsARunAndShowsItsLogTail() throws Exception {
    Gate.reset();
    openAction("train");
    type("field-dataset_name", "birds");
    type("field-api_token", SECRET);
    driver.findElement(By.id("field-pause")).click();
    driver.findElement(By.id("run-button")).click();
    wait.until(d -> "100".equals(bar("download")));
    // The runs list is redrawn every few seconds: read it inside waits that look it up afresh.
    String runId = wait.until(d -> d.findElement(By.cssSelector("#runs-table tr button.stop"))
        .findElement(By.xpath("./ancestor::tr")).getAttribute("data-run"));
    By row = By.cssSelector("#runs-table tr[data-run='" + runId + "']");
    wait.until(d -> d.findElement(row).getText().contains("running")
        && d.findElement(row).findElement(By.cssSelector(".tail")).getText().contains("training on birds with token ***"));
    Browser.screenshot(driver, "console-runs", "#runs");
    wait.until(d -> {
      d.findElement(row).findElement(By.cssSelector("button.stop")).click();
      return true;
    });
    wait.until(ExpectedConditions.textToBe(By.id("run-status"), "stopped"));
    wait.until(d -> d.findElement(row).getText().contains("stopped") && d.findElement(row).findElements(By.cssSelector("button.stop")).isEmpty());
    assertSecretNowhere();
  }

  @Test
  void aPipelineRunShowsEachActionAndResumesFromTheBrowser() throws Exception {
    io.synapse.plugins.console.fixture.FinishAction.FAILING.set(true);
    try {
      driver.get(console.server.url().toString());
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav button[data-pipeline='flow']"))).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-title"), "pipeline flow"));
      assertTrue(driver.findElement(By.id("action-config")).getText().contains("stage → finish"));
      type("field-dataset_name", "fish");
      driver.findElement(By.id("run-button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-status"), "Pipeline run "));
      String runId = driver.findElement(By.id("form-status")).getText().replaceAll("Pipeline run (\\S+) started.", "$1");
      By row = By.cssSelector("#pipeline-runs-table tr[data-pipeline-run='" + runId + "']");
      wait.until(d -> d.findElement(row).findElement(By.cssSelector("[data-action='finish']")).getAttribute("data-status").equals("failed"));
      assertEquals("completed", driver.findElement(row).findElement(By.cssSelector("[data-action='stage']")).getAttribute("data-status"));
      assertTrue(driver.findElement(row).getText().contains("failed"), driver.findElement(row).getText());
      io.synapse.plugins.console.fixture.FinishAction.FAILING.set(false);
      wait.until(d -> {
        d.findElement(row).findElement(By.cssSelector("button.resume")).click();
        return true;
      });
      wait.until(d -> d.findElement(row).findElement(By.cssSelector("[data-action='finish']")).getAttribute("data-status").equals("completed"));
      assertEquals("skipped", driver.findElement(row).findElement(By.cssSelector("[data-action='stage']")).getAttribute("data-status"));
      wait.until(d -> d.findElement(row).findElement(By.cssSelector(".status")).getText().equals("completed"));
      assertTrue(driver.findElement(row).getText().contains("100%"), driver.findElement(row).getText());
      Browser.screenshot(driver, "console-pipelines", "#pipeline-runs");
    } finally {
      io.synapse.plugins.console.fixture.FinishAction.FAILING.set(false);
    }
  }

  private static void openAction(String action) {
    driver.get(console.server.url().toString());
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav button[data-action='" + action + "']")));
    button.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-title"), action.equals("train") ? "Train a model" : action));
  }

  private static void type(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    if (text.contains("\n")) {
      for (String line : text.split("\n")) {
        input.sendKeys(line);
        input.sendKeys(org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.ENTER);
      }
    } else {
      input.sendKeys(text);
    }
  }

  private static WebElement violation(String path) {
    return driver.findElement(By.cssSelector("[data-violation-for='" + path + "']"));
  }

  private static String bar(String category) {
    List<WebElement> bars = driver.findElements(By.cssSelector(".category-bar[data-category='" + category + "']"));
    return bars.isEmpty() ? null : bars.get(0).getAttribute("data-percent");
  }

  // The page's source and text, every response the page reads (fetched from inside the page and
  // directly), and the console's log.
  private static void assertSecretNowhere() throws Exception {
    assertFalse(driver.getPageSource().contains(SECRET), "page source");
    assertFalse(String.valueOf(driver.executeScript("return document.documentElement.outerHTML + document.body.innerText")).contains(SECRET));
    String runs = console.get("/api/runs").body();
    assertFalse(runs.contains(SECRET), runs);
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":\"(run-[0-9]+)\"").matcher(runs);
    List<String> paths = new java.util.ArrayList<>(List.of("/", "/app.js", "/forms.js", "/style.css", "/api/plugins", "/api/runs"));
    while (ids.find()) {
      paths.add("/api/runs/" + ids.group(1));
      paths.add("/api/runs/" + ids.group(1) + "/events");
    }
    for (String path : paths) {
      Object fromPage = driver.executeAsyncScript(
          "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));", path);
      assertFalse(String.valueOf(fromPage).startsWith("failed "), path + ": " + fromPage);
      assertFalse(String.valueOf(fromPage).contains(SECRET), "page fetch of " + path);
      assertFalse(console.get(path).body().contains(SECRET), "direct fetch of " + path);
    }
    assertFalse(console.log().contains(SECRET), console.log());
    assertTrue(console.secretsSeen.contains(SECRET));
  }
}
