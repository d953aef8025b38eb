package io.synapse.plugins.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its ChromeDriver (both installed by scripts/chromium.sh).
 * A missing browser fails the test saying how to install it; nothing is downloaded.
 */
final class Browser {
  static final String CHROMIUM = System.getProperty("synapse.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("synapse.chromedriver", "/usr/bin/chromedriver");

  private Browser() {}

  static ChromeDriver start() {
    for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!new File(binary).canExecute()) {
        throw new IllegalStateException(binary + " is missing: run scripts/chromium.sh install (Debian's chromium and chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1440,1000", "--no-first-run", "--disable-extensions");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(120))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** Saves a PNG of the page under the screenshots directory (docs/console in the build). */
  static void screenshot(ChromeDriver driver, String name) throws IOException {
    screenshot(driver, name, null);
  }

  /** Saves a PNG of the page scrolled to the element of {@code cssSelector} (the top when null). */
  static void screenshot(ChromeDriver driver, String name, String cssSelector) throws IOException {
    String directory = System.getProperty("synapse.console.screenshots");
    if (directory == null) {
      return; // run outside Maven: no place to keep them
    }
    if (cssSelector == null) {
      driver.executeScript("window.scrollTo(0, 0)");
    } else {
      driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'end'})", cssSelector);
    }
    Path target = Path.of(directory, name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
