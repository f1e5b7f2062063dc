package bedside.harness.cli;

import bedside.results.ApiToken;
import bedside.results.Role;
import bedside.results.store.AccessTokens;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedside token create|list|revoke}: API bearer tokens. Only a token's SHA-256 is stored, so the token
 * is printed once, by {@code create}. Exit codes: 0 done, 1 a problem (unknown study or candidate, a role that
 * does not fit its binding, no such token), 2 usage.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Makes, lists and revokes API bearer tokens for 'bedside serve'.",
                "Roles: admin (everything), evaluator (a study's full data), vendor (one candidate's own attempts,",
                "scores and report), board (comparison scores and reports, no per-participant rows or events)."},
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class},
        exitCodeOnInvalidInput = 2,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  a problem: unknown study or candidate, role and binding do not fit", "  2  usage error"})
public final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BedsideCli.USAGE;
    }

    /** Opens the results database, runs {@code work} on its tokens, closes it; database problems are exit 1. */
    static int withTokens(CommandSpec spec, java.util.function.Function<AccessTokens, Integer> work) {
        return LocalDatabase.with(spec, "token", db -> work.apply(new AccessTokens(db)));
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Makes a token and prints it once (only its hash is stored: keep it now)."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, evaluator, vendor or board.")
        String role;

        @Option(names = "--study", paramLabel = "S",
                description = "The study the token is bound to (required for vendor; none for admin; "
                        + "evaluator and board without one reach every study).")
        String study;

        @Option(names = "--candidate", paramLabel = "ID", description = "The vendor's candidate (vendor only).")
        String candidate;

        @Option(names = "--name", paramLabel = "N", description = "Who holds it, for the audit log (default: the role).")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.fromCode(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
            }
            return withTokens(spec, tokens -> {
                AccessTokens.Issued issued = tokens.create(r, study, candidate, name, actor());
                PrintWriter out = spec.commandLine().getOut();
                ApiToken t = issued.token();
                out.println(issued.secret());
                PrintWriter err = spec.commandLine().getErr();
                err.println("Token " + t.id() + " (" + t.name() + "): role " + t.role().code()
                        + (t.study() == null ? ", every study" : ", study " + t.study())
                        + (t.candidate() == null ? "" : ", candidate " + t.candidate())
                        + ". It is shown only now; send it as 'Authorization: Bearer <token>'.");
                return BedsideCli.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withTokens(spec, tokens -> {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-36s  %-9s  %-16s  %-16s  %-20s  %s%n", "ID", "ROLE", "STUDY", "CANDIDATE", "NAME", "STATE");
                for (ApiToken t : tokens.list()) {
                    out.printf("%-36s  %-9s  %-16s  %-16s  %-20s  %s%n", t.id(), t.role().code(),
                            t.study() == null ? "*" : t.study(), t.candidate() == null ? "-" : t.candidate(), t.name(),
                            t.revokedAt() == null ? "valid" : "revoked " + t.revokedAt());
                }
                return BedsideCli.OK;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Revokes a token by its id (from 'bedside token list').")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The token's id.")
        UUID id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withTokens(spec, tokens -> {
                if (!tokens.revoke(id, actor())) {
                    spec.commandLine().getErr().println("bedside token revoke: no valid token " + id);
                    return BedsideCli.PROBLEM;
                }
                spec.commandLine().getOut().println("Revoked " + id);
                return BedsideCli.OK;
            });
        }
    }
}
