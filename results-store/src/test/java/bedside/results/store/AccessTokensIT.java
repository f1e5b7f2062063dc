package bedside.results.store;

import bedside.results.ApiToken;
import bedside.results.Fixtures;
import bedside.results.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensIT {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final AccessTokens tokens = new AccessTokens(DB.database());
    private final DSLContext dsl = DB.database().dsl();

    @Test
    void storesOnlyTheHashAndAuthenticatesUntilRevoked() {
        Fixtures.prepareStudy(DB.store(), "tok");
        AccessTokens.Issued issued = tokens.create(Role.VENDOR, "tok", "alpha", "Alpha's account manager", "cli");
        String secret = issued.secret();
        assertThat(secret).startsWith("bst_").hasSize(4 + 43);
        assertThat(issued.toString()).doesNotContain(secret);
        String stored = (String) dsl.fetchValue("select token_hash from api_tokens where token_id = ?", issued.token().id());
        assertThat(stored).isEqualTo(AccessTokens.hash(secret)).isEqualTo(Fixtures.sha256(secret));
        assertThat(dsl.fetch("select * from api_tokens").formatCSV()).doesNotContain(secret.substring(4));

        ApiToken t = tokens.authenticate(secret).orElseThrow();
        assertThat(t.role()).isEqualTo(Role.VENDOR);
        assertThat(t.study()).isEqualTo("tok");
        assertThat(t.candidate()).isEqualTo("alpha");
        assertThat(t.name()).isEqualTo("Alpha's account manager");
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
        assertThat(tokens.authenticate("nope")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();

        assertThat(tokens.revoke(t.id(), "cli")).isTrue();
        assertThat(tokens.revoke(t.id(), "cli")).isFalse();
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokens.list()).extracting(ApiToken::id).contains(t.id());
        assertThat(dsl.fetchValue("select count(*) from audit_log where entity = 'token' and entity_id = ?",
                t.id().toString())).isEqualTo(2L);
    }

    @Test
    void rolesAndBindingsMustFit() {
        Fixtures.prepareStudy(DB.store(), "tok2");
        assertThatThrownBy(() -> tokens.create(Role.VENDOR, "tok2", null, null, "cli"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--candidate");
        assertThatThrownBy(() -> tokens.create(Role.VENDOR, "tok2", "gamma", null, "cli"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> tokens.create(Role.BOARD, "tok2", "alpha", null, "cli"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.create(Role.ADMIN, "tok2", null, null, "cli"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.create(Role.EVALUATOR, "nope", null, null, "cli"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThat(tokens.create(Role.EVALUATOR, null, null, null, "cli").token().name()).isEqualTo("evaluator");
        assertThat(Role.fromCode("Board")).isEqualTo(Role.BOARD);
        assertThatThrownBy(() -> Role.fromCode("root")).isInstanceOf(IllegalArgumentException.class);
    }
}
