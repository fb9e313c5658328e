package io.shopsense.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.OrderId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.ProductId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Typed ids go over the wire as plain strings, properties as plain JSON objects. */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer shopsenseTypes() {
    SimpleModule module = new SimpleModule("shopsense-types");
    for (Class<?> id : new Class<?>[] {AnonymousId.class, MessageId.class, OrderId.class, PersonId.class,
        ProductId.class, SourceId.class, UserId.class}) {
      module.addSerializer(id, ToStringSerializer.instance);
    }
    module.addSerializer(Properties.class, new JsonSerializer<>() {
      @Override
      public void serialize(Properties value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        serializers.defaultSerializeValue(value.values(), gen);
      }
    });
    return builder -> builder.modulesToInstall(module);
  }
}
