/*
 * Swagger UI plugins for the CodeArts Check API reference. The HTML reference of the
 * codearts-check-openapi module inlines this file; any Swagger UI page can load it (it is in the
 * openapi jar at META-INF/openapi/docs/swagger-ui-plugins.js) and pass the plugins:
 *   SwaggerUIBundle({ ..., plugins: [CodeArtsCheckSwaggerUi.SvgExamplesAsText] })
 */
var CodeArtsCheckSwaggerUi = (function () {
  "use strict";

  /*
   * Swagger UI shows every example of an XML-based media type (its test is /xml/, which
   * image/svg+xml matches) as an XML document generated from the schema, wrapping a string example
   * in an element named after the schema: <?xml ...?><CodeHealthSvg>&lt;svg .... For a string
   * schema the example string IS the body: show it as it is. Nothing on the wire changes.
   */
  function SvgExamplesAsText(system) {
    return {
      fn: {
        getXmlSampleSchema: function (schema, config, example) {
          if (typeof example === "string" && (!schema || schema.type === "string")) {
            return example;
          }
          var current = system.getSystem();
          var samples = current.specSelectors.isOAS31 && current.specSelectors.isOAS31()
            ? current.fn.jsonSchema202012 : current.fn.jsonSchema5;
          return samples.getXmlSampleSchema(schema, config, example);
        }
      }
    };
  }

  return { SvgExamplesAsText: SvgExamplesAsText };
})();
