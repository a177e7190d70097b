package io.driftwatch.database;

import io.driftwatch.config.DriftwatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hosts driftwatch may open connections to for databases and git: never the deny list (link-local
 * metadata addresses by default), and only the allow list when one is set. Checked when an
 * environment is saved and again before each connection, on every address the name resolves to.
 */
@ApplicationScoped
public class OutboundPolicy {

  private final List<Rule> deny;
  private final List<Rule> allow;

  @Inject
  public OutboundPolicy(DriftwatchConfig config) {
    this(config.outbound().deny(), config.outbound().allow().orElse(List.of()));
  }

  OutboundPolicy(List<String> deny, List<String> allow) {
    this.deny =
        deny.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Rule::parse).toList();
    this.allow =
        allow.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Rule::parse).toList();
  }

  /**
   * @return why the host may not be used, or null when it may (a name that does not resolve is left
   *     to the connection, which will fail with its own reason)
   */
  public String refusal(String host) {
    String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
    List<InetAddress> addresses = new ArrayList<>();
    try {
      addresses.addAll(List.of(InetAddress.getAllByName(name)));
    } catch (UnknownHostException | SecurityException unresolved) {
      // judged by name only
    }
    for (Rule rule : deny) {
      if (rule.matches(name, addresses)) {
        return "host `" + host + "` is denied by driftwatch.outbound.deny (" + rule.text() + ")";
      }
    }
    if (!allow.isEmpty() && allow.stream().noneMatch(rule -> rule.matches(name, addresses))) {
      return "host `" + host + "` is not on driftwatch.outbound.allow";
    }
    return null;
  }

  /** A host name, or an address range in CIDR notation. */
  record Rule(String text, String hostName, byte[] network, int prefix) {

    static Rule parse(String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      int slash = lower.indexOf('/');
      String address = slash < 0 ? lower : lower.substring(0, slash);
      if (!address.matches("[0-9a-f:.]+")
          || (!address.contains(":") && !address.matches("[0-9.]+"))) {
        return new Rule(text, lower, null, 0);
      }
      try {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(lower.substring(slash + 1));
        return new Rule(text, null, bytes, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "driftwatch.outbound rule `" + text + "` is neither a host name nor a CIDR");
      }
    }

    boolean matches(String name, List<InetAddress> addresses) {
      if (hostName != null) {
        return hostName.equals(name);
      }
      for (InetAddress address : addresses) {
        byte[] bytes = address.getAddress();
        if (bytes.length == network.length && samePrefix(bytes)) {
          return true;
        }
      }
      return false;
    }

    private boolean samePrefix(byte[] bytes) {
      int bits = network.length * 8;
      BigInteger mask =
          BigInteger.ONE
              .shiftLeft(bits)
              .subtract(BigInteger.ONE)
              .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
      return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
