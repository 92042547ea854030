package io.codeartscheck.server.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of a string in characters (Unicode code points), as JSON Schema's {@code minLength}
 * and {@code maxLength} count it; {@code null} is valid.
 *
 * <p>{@code @Size} counts UTF-16 units instead, so an emoji counts twice: a {@code task_id} of 17
 * emoji is 17 characters for the contract but 34 for {@code @Size}. The generated server interface
 * and models carry this constraint wherever the spec gives a string length. It is a plain Jakarta
 * Validation constraint, so it works with any provider (Hibernate Validator, Apache BVal).
 *
 * <pre>
 * String showCodeHealthSvg(&#64;PathParam("task_id") &#64;CodePointLength(min = 1, max = 32) String taskId, ...);
 * </pre>
 */
@Documented
@Constraint(validatedBy = CodePointLength.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodePointLength {

    /**
     * The fewest characters allowed.
     *
     * @return the minimum length, 0 by default
     */
    int min() default 0;

    /**
     * The most characters allowed.
     *
     * @return the maximum length, {@link Integer#MAX_VALUE} by default
     */
    int max() default Integer.MAX_VALUE;

    /**
     * The message of a violation; {@code {min}} and {@code {max}} are replaced by the limits.
     *
     * @return the message template
     */
    String message() default "size must be between {min} and {max}";

    /**
     * The validation groups, as every constraint has them.
     *
     * @return the groups, none by default
     */
    Class<?>[] groups() default {};

    /**
     * The payload, as every constraint has it.
     *
     * @return the payload, none by default
     */
    Class<? extends Payload>[] payload() default {};

    /** Checks {@link CodePointLength}: counts {@link String#codePointCount code points}. */
    final class Validator implements ConstraintValidator<CodePointLength, CharSequence> {
        private int min;
        private int max;

        /** Created by the validation provider. */
        public Validator() {
        }

        /**
         * Reads the limits.
         *
         * @param constraint the annotation on the validated element
         * @throws IllegalArgumentException if the limits are negative or {@code min > max}
         */
        @Override
        public void initialize(CodePointLength constraint) {
            if (constraint.min() < 0 || constraint.max() < constraint.min()) {
                throw new IllegalArgumentException("CodePointLength needs 0 <= min <= max, got min="
                        + constraint.min() + ", max=" + constraint.max());
            }
            this.min = constraint.min();
            this.max = constraint.max();
        }

        /**
         * Whether the value has between {@code min} and {@code max} characters.
         *
         * @param value the string, {@code null} is valid
         * @param context unused
         * @return true when the length is within the limits
         */
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isWithin(value, min, max);
        }

        /**
         * Whether a string's length in code points is within the limits (shared with the kit's
         * check of empty query values, so both count alike).
         *
         * @param value the string
         * @param min the fewest characters allowed
         * @param max the most characters allowed
         * @return true when {@code min <= length <= max}
         */
        public static boolean isWithin(CharSequence value, int min, int max) {
            int units = value.length();
            // A code point is one or two UTF-16 units: decide without counting when the units allow it.
            if (units < min) {
                return false;
            }
            if (units <= max && (units + 1) / 2 >= min) {
                return true;
            }
            int length = Character.codePointCount(value, 0, units);
            return length >= min && length <= max;
        }
    }
}
