package com.workos.mcpdocs.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * A schema validator that accepts everything, given to the SDK in place of its general JSON Schema validator, whose
 * loading would add a good part of a second to every start. Nothing is lost: tool inputs are checked by
 * {@link Arguments} with messages a model can act on, and structured results are built here from fixed records
 * whose shape the tests check against the declared output schemas.
 */
final class NoOutputValidation implements JsonSchemaValidator {

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(null);
    }
}
