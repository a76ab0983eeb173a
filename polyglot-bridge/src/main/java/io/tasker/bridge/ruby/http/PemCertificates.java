package io.tasker.bridge.ruby.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The certificates of Faraday's {@code ca_file} (one PEM file, a bundle) and {@code ca_path} (a folder of them). */
final class PemCertificates {
    private static final String PEM_HEADER = "-----BEGIN CERTIFICATE-----";

    private PemCertificates() {
    }

    static List<X509Certificate> fromFile(String file) throws TlsConfigurationException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new TlsConfigurationException("ssl ca_file " + file + " is not a readable file");
        }
        List<X509Certificate> certificates = read(path, "ca_file");
        if (certificates.isEmpty()) {
            throw new TlsConfigurationException("ssl ca_file " + file + " holds no PEM certificate (" + PEM_HEADER + ")");
        }
        return certificates;
    }

    /** Like OpenSSL's CApath, every file of the folder that holds certificates; other files are skipped. */
    static List<X509Certificate> fromFolder(String folder) throws TlsConfigurationException {
        Path path = Path.of(folder);
        if (!Files.isDirectory(path)) {
            throw new TlsConfigurationException("ssl ca_path " + folder + " is not a directory");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : pemFiles(path)) {
            certificates.addAll(read(file, "ca_path"));
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigurationException("ssl ca_path " + folder + " holds no file with a PEM certificate (" + PEM_HEADER + ")");
        }
        return certificates;
    }

    private static List<Path> pemFiles(Path folder) throws TlsConfigurationException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pem = new ArrayList<>();
            for (Path file : files.sorted().filter(Files::isRegularFile).toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(PEM_HEADER)) {
                    pem.add(file);
                }
            }
            return pem;
        } catch (IOException e) {
            throw new TlsConfigurationException("ssl ca_path " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> read(Path file, String option) throws TlsConfigurationException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException | CertificateException e) {
            throw new TlsConfigurationException("ssl " + option + " " + file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
