package io.driftwatch.source.git;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * An ssh session factory for one source's credentials, entirely in memory: the private key is never
 * written to disk, nothing is read from {@code ~/.ssh}, and the server's host key must be one of
 * the given known_hosts lines (there is no "accept new").
 */
final class SshAccess {

  private SshAccess() {}

  static SshdSessionFactory sessionFactory(GitCredentials credentials, Path emptyDirectory)
      throws IOException {
    List<KeyPair> keys = keys(credentials.sshPrivateKey());
    KnownHosts knownHosts = new KnownHosts(credentials.sshKnownHosts());
    Files.createDirectories(emptyDirectory);
    return new SshdSessionFactoryBuilder()
        .setHomeDirectory(emptyDirectory.toFile())
        .setSshDirectory(emptyDirectory.toFile())
        .setDefaultKeysProvider(ignored -> keys)
        .setServerKeyDatabase((home, ssh) -> knownHosts)
        .setConfigStoreFactory((home, configFile, localUser) -> null)
        .build(null);
  }

  private static List<KeyPair> keys(String pem) throws IOException {
    try {
      List<KeyPair> keys = new ArrayList<>();
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("source.credentials"),
              new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)),
              null);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
      if (keys.isEmpty()) {
        throw new IOException("source.credentials.sshPrivateKey holds no usable key");
      }
      return keys;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "source.credentials.sshPrivateKey cannot be read (encrypted keys are not supported)", e);
    }
  }

  /** The host keys a source's known_hosts lines allow; anything else is refused. */
  static final class KnownHosts implements ServerKeyDatabase {

    private final List<KnownHostEntry> entries;

    KnownHosts(String lines) throws IOException {
      this.entries =
          KnownHostEntry.readKnownHostEntries(new BufferedReader(new StringReader(lines)));
    }

    @Override
    public List<PublicKey> lookup(
        String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      List<PublicKey> keys = new ArrayList<>();
      for (KnownHostEntry entry : matching(connectAddress, remoteAddress)) {
        PublicKey key = publicKey(entry);
        if (key != null) {
          keys.add(key);
        }
      }
      return keys;
    }

    @Override
    public boolean accept(
        String connectAddress,
        InetSocketAddress remoteAddress,
        PublicKey serverKey,
        Configuration config,
        CredentialsProvider provider) {
      return lookup(connectAddress, remoteAddress, config).stream()
          .anyMatch(key -> KeyUtils.compareKeys(key, serverKey));
    }

    private List<KnownHostEntry> matching(String connectAddress, InetSocketAddress remoteAddress) {
      List<KnownHostEntry> found = new ArrayList<>();
      int port = remoteAddress.getPort();
      List<String> hosts = new ArrayList<>();
      hosts.add(remoteAddress.getHostString());
      if (remoteAddress.getAddress() != null) {
        hosts.add(remoteAddress.getAddress().getHostAddress());
      }
      if (connectAddress != null) {
        hosts.add(
            connectAddress.replaceFirst("^\\[(.*)\\](:\\d+)?$", "$1").replaceFirst(":\\d+$", ""));
      }
      for (KnownHostEntry entry : entries) {
        if (hosts.stream().anyMatch(host -> entry.isHostMatch(host, port))) {
          found.add(entry);
        }
      }
      return found;
    }

    private static PublicKey publicKey(KnownHostEntry entry) {
      try {
        return entry
            .getKeyEntry()
            .resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.IGNORING);
      } catch (IOException | GeneralSecurityException e) {
        return null;
      }
    }
  }
}
