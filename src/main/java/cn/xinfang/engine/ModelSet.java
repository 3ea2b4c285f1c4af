package cn.xinfang.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a set of model resources (BPMN, DMN, Camunda Forms, by resource name) defines and what its
 * processes need: the keys of its processes, decisions and forms, the decisions and forms its
 * processes look up in their own deployment ({@code decisionRefBinding} / {@code formRefBinding}
 * "deployment"), and the Spring beans its delegate expressions name. Read with Camunda's model API,
 * the same the engine parses with.
 */
public final class ModelSet {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code ${beanName}}: a delegate expression that names a bean (anything else is an expression of
   * its own)
   */
  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");

  private static final String BINDING_DEPLOYMENT = "deployment";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** The resource that defines each key. */
  final Map<String, String> processes = new LinkedHashMap<>();

  final Map<String, String> decisions = new LinkedHashMap<>();
  final Map<String, String> forms = new LinkedHashMap<>();

  /** Looked up in the process's own deployment: key → the element that looks it up. */
  final Map<String, String> decisionRefs = new LinkedHashMap<>();

  final Map<String, String> formRefs = new LinkedHashMap<>();
  final Set<String> beans = new LinkedHashSet<>();

  public static ModelSet of(Map<String, byte[]> resources) {
    ModelSet set = new ModelSet();
    resources.forEach(set::read);
    return set;
  }

  private void read(String name, byte[] bytes) {
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      readBpmn(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
          .getModelElementsByType(Decision.class)
          .forEach(d -> decisions.put(d.getId(), name));
    } else if (name.endsWith(".form")) {
      try {
        String id = JSON.readTree(bytes).path("id").asText(null);
        if (id != null) {
          forms.put(id, name);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("form " + name + " is not JSON", e);
      }
    }
  }

  private void readBpmn(String name, BpmnModelInstance model) {
    model.getModelElementsByType(Process.class).forEach(p -> processes.put(p.getId(), name));
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null
          && bindsToDeployment(task.getAttributeValueNs(CAMUNDA, "decisionRefBinding"))) {
        decisionRefs.putIfAbsent(task.getCamundaDecisionRef(), task.getId());
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      formRef(task, task.getId());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      formRef(start, start.getId());
    }
    model
        .getModelElementsByType(BaseElement.class)
        .forEach(element -> bean(element.getAttributeValueNs(CAMUNDA, "delegateExpression")));
    model
        .getModelElementsByType(CamundaTaskListener.class)
        .forEach(l -> bean(l.getCamundaDelegateExpression()));
    model
        .getModelElementsByType(CamundaExecutionListener.class)
        .forEach(l -> bean(l.getCamundaDelegateExpression()));
  }

  private void formRef(ModelElementInstance element, String id) {
    String form = element.getAttributeValueNs(CAMUNDA, "formRef");
    if (form != null && bindsToDeployment(element.getAttributeValueNs(CAMUNDA, "formRefBinding"))) {
      formRefs.putIfAbsent(form, id);
    }
  }

  private void bean(String expression) {
    if (expression != null) {
      Matcher m = BEAN.matcher(expression.strip());
      if (m.matches()) {
        beans.add(m.group(1));
      }
    }
  }

  /**
   * Camunda's default binding for decisionRef and formRef is "latest"; the models here say
   * "deployment".
   */
  private static boolean bindsToDeployment(String binding) {
    return BINDING_DEPLOYMENT.equals(binding);
  }

  /**
   * Every model this set defines, as kind:key ({@code process:petition}, {@code
   * form:triage-petition} …).
   */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    processes.keySet().forEach(k -> keys.add("process:" + k));
    decisions.keySet().forEach(k -> keys.add("decision:" + k));
    forms.keySet().forEach(k -> keys.add("form:" + k));
    return keys;
  }

  /** The models of one resource, as kind:key. */
  public Set<String> keysOf(String resource) {
    Set<String> keys = new LinkedHashSet<>();
    processes.forEach((k, r) -> add(keys, r, resource, "process:" + k));
    decisions.forEach((k, r) -> add(keys, r, resource, "decision:" + k));
    forms.forEach((k, r) -> add(keys, r, resource, "form:" + k));
    return keys;
  }

  private static void add(Set<String> keys, String definedIn, String resource, String key) {
    if (definedIn.equals(resource)) {
      keys.add(key);
    }
  }

  /**
   * What the processes of this set look up in their own deployment and it lacks, each named with
   * the element that looks it up ("表单 triage-petition（triagePetition）"); empty when the set is
   * whole.
   */
  public Set<String> missing() {
    Set<String> missing = new LinkedHashSet<>();
    decisionRefs.forEach(
        (key, element) -> {
          if (!decisions.containsKey(key)) {
            missing.add("决策表 " + key + "（" + element + "）");
          }
        });
    formRefs.forEach(
        (key, element) -> {
          if (!forms.containsKey(key)) {
            missing.add("表单 " + key + "（" + element + "）");
          }
        });
    return missing;
  }

  public Set<String> beans() {
    return beans;
  }
}
