package com.acme.shop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real headless Chromium the console's browser tests drive: Debian's {@code chromium} package (with
 * {@code fonts-nanum}, so Korean renders in the screenshots), found on the PATH or at {@code CHROMIUM_PATH}, driven by
 * Playwright for Java without any browser download. When it is missing the tests fail and say how to install it; they
 * never skip, so CI (whose {@code .ci/run} installs the packages) always runs them.
 */
final class Chromium {

    static final String MISSING = "The admin console's browser tests need Chromium: install it with "
            + "'apt-get install -y chromium fonts-nanum' (Debian/Ubuntu; .ci/run does this in CI), or point CHROMIUM_PATH "
            + "at a Chromium or Chrome binary.";

    private Chromium() {
    }

    /** The executable, or empty when there is none. */
    static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        return Stream.of(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Playwright with its own browser download off, whatever the environment says. */
    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        Path executable = find().orElseThrow(() -> new IllegalStateException(MISSING));
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-sandbox", "--disable-dev-shm-usage",
                        "--lang=ko-KR")));
    }
}
