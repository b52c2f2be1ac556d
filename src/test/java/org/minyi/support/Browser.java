package org.minyi.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) with a Chinese locale. Screenshots go to
 * {@code target/screenshots}. Outside CI the tests are skipped where Chromium is not
 * installed; in CI a missing browser fails them.
 */
public final class Browser implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final Path downloads;

	private final String baseUrl;

	private final WebDriverWait wait;

	private Browser(WebDriver driver, String baseUrl, Path downloads) {
		this.driver = driver;
		this.downloads = downloads;
		this.baseUrl = baseUrl;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	public static Browser open(int port) {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		Assumptions.assumeTrue(installed || "true".equals(System.getenv("CI")),
				"Chromium is not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");
		Path downloads;
		try {
			downloads = Files.createTempDirectory("minyi-downloads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh",
				"download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, downloads);
	}

	public Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Logs in to a Camunda webapp (Tasklist, Cockpit, Admin) at the given path. */
	public Browser login(String appPath, String userId, String password) {
		go(appPath);
		find(By.cssSelector("input[ng-model='username']")).sendKeys(userId);
		find(By.cssSelector("input[type='password']")).sendKeys(password);
		find(By.cssSelector("button[type='submit']")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
		return this;
	}

	public WebElement find(By by) {
		return until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement clickable(By by) {
		return until(ExpectedConditions.elementToBeClickable(by));
	}

	/**
	 * Waits for the condition; on a timeout the page is kept as a screenshot for the
	 * report.
	 */
	private <T> T until(ExpectedCondition<T> condition) {
		try {
			return this.wait.until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("failure-" + System.currentTimeMillis());
			throw ex;
		}
	}

	/**
	 * Scrolls the element to the middle of the window first: Tasklist's footer covers the
	 * page bottom.
	 */
	public void click(By by) {
		WebElement element = clickable(by);
		((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		clickable(by).click();
	}

	public void gone(By by) {
		until(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	public List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	public void waitForText(By by, String text) {
		until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	public String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** The first completely downloaded file with this ending, waited for. */
	public Path downloaded(String suffix) {
		return until((driver) -> {
			try (var files = Files.list(this.downloads)) {
				return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Path screenshot(String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
