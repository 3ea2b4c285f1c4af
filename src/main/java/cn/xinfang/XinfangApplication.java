package cn.xinfang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class XinfangApplication {

  public static void main(String[] args) {
    SpringApplication.run(XinfangApplication.class, args);
  }
}
