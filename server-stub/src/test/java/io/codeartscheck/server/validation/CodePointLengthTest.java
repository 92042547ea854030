package io.codeartscheck.server.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CodePointLength} counts characters as JSON Schema does, through a real validation provider. */
class CodePointLengthTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    static final class Id {
        @CodePointLength(min = 1, max = 32)
        String value;

        Id(String value) {
            this.value = value;
        }
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<ConstraintViolation<Id>> validate(String value) {
        return VALIDATOR.validate(new Id(value));
    }

    @Test
    void seventeenEmoji_areSeventeenCharacters_andPass() {
        assertThat(EMOJI.repeat(17)).hasSize(34);
        assertThat(validate(EMOJI.repeat(17))).isEmpty();
    }

    @Test
    void thirtyTwoEmojiPass_thirtyThreeFailWithTheSizeMessage() {
        assertThat(validate(EMOJI.repeat(32))).isEmpty();
        assertThat(validate(EMOJI.repeat(33))).extracting(ConstraintViolation::getMessage)
                .containsExactly("size must be between 1 and 32");
    }

    @Test
    void asciiBoundaries_zeroAndThirtyThreeFail_oneAndThirtyTwoPass() {
        assertThat(validate("")).hasSize(1);
        assertThat(validate("a")).isEmpty();
        assertThat(validate("a".repeat(32))).isEmpty();
        assertThat(validate("a".repeat(33))).hasSize(1);
        assertThat(validate(null)).isEmpty();
    }

    @Test
    void isWithin_countsALoneSurrogateAsOneCharacter() {
        assertThat(CodePointLength.Validator.isWithin("\uD83D", 1, 1)).isTrue();
        assertThat(CodePointLength.Validator.isWithin(EMOJI + "a", 2, 2)).isTrue();
        assertThat(CodePointLength.Validator.isWithin(EMOJI + "a", 3, 3)).isFalse();
        assertThat(CodePointLength.Validator.isWithin(EMOJI, 0, 1)).isTrue();
    }
}
