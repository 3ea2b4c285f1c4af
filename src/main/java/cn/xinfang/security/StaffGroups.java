package cn.xinfang.security;

import cn.xinfang.engine.PetitionProcess;
import java.util.List;

/**
 * The staff groups (Camunda groups) of one city. Handling-unit ids are what dmn/handling-unit.dmn
 * returns; the group name is the unit's name shown to petitioners. Each unit that handles cases has
 * a head group {@code <unit>-head} (本机关、单位负责人): it approves the unit's replies first and its
 * extensions (Art. 34), and reads the unit's cases as the unit does.
 */
final class StaffGroups {

  record StaffGroup(String id, String name, String demoUser, String demoUserName) {}

  static final List<StaffGroup> ALL =
      List.of(
          new StaffGroup(PetitionProcess.Group.BUREAU, "市信访局", "clerk1", "王敏"),
          new StaffGroup("unit-housing", "市住房和建设局", "housing1", "李建国"),
          new StaffGroup("unit-hrss", "市人力资源和社会保障局", "hrss1", "张丽"),
          new StaffGroup("unit-planning", "市规划和自然资源局", "planning1", "刘洋"),
          new StaffGroup("unit-environment", "市生态环境局", "environment1", "陈静"),
          new StaffGroup("office-futian", "福田区人民政府办公室", "futian1", "杨帆"),
          new StaffGroup("office-luohu", "罗湖区人民政府办公室", "luohu1", "赵磊"),
          new StaffGroup("office-nanshan", "南山区人民政府办公室", "nanshan1", "黄婷"),
          new StaffGroup("office-baoan", "宝安区人民政府办公室", "baoan1", "周强"),
          new StaffGroup("office-longgang", "龙岗区人民政府办公室", "longgang1", "吴霞"),
          new StaffGroup("office-city", "市人民政府办公厅", "city1", "徐涛"),
          new StaffGroup("discipline", "市纪委监委", "discipline1", "孙正"),
          new StaffGroup("political-legal", "市委政法委", "legal1", "马骏"),
          new StaffGroup("review-municipal", "市人民政府（复查）", "review1", "朱红"),
          new StaffGroup("re-review-provincial", "省信访局（复核）", "rereview1", "胡斌"),
          new StaffGroup("review-provincial", "省人民政府（复查）", "review2", "钱敏"),
          new StaffGroup("re-review-national", "国家信访局（复核）", "rereview2", "冯军"),
          new StaffGroup(
              PetitionProcess.Group.head("unit-housing"), "市住房和建设局负责人", "housinghead1", "郑国华"),
          new StaffGroup(
              PetitionProcess.Group.head("unit-hrss"), "市人力资源和社会保障局负责人", "hrsshead1", "林志远"),
          new StaffGroup(
              PetitionProcess.Group.head("unit-planning"), "市规划和自然资源局负责人", "planninghead1", "何晓东"),
          new StaffGroup(
              PetitionProcess.Group.head("unit-environment"),
              "市生态环境局负责人",
              "environmenthead1",
              "罗文"),
          new StaffGroup(
              PetitionProcess.Group.head("office-futian"), "福田区人民政府办公室负责人", "futianhead1", "梁平"),
          new StaffGroup(
              PetitionProcess.Group.head("office-luohu"), "罗湖区人民政府办公室负责人", "luohuhead1", "宋佳"),
          new StaffGroup(
              PetitionProcess.Group.head("office-nanshan"), "南山区人民政府办公室负责人", "nanshanhead1", "唐明"),
          new StaffGroup(
              PetitionProcess.Group.head("office-baoan"), "宝安区人民政府办公室负责人", "baoanhead1", "韩冰"),
          new StaffGroup(
              PetitionProcess.Group.head("office-longgang"),
              "龙岗区人民政府办公室负责人",
              "longganghead1",
              "曹阳"),
          new StaffGroup(
              PetitionProcess.Group.head("office-city"), "市人民政府办公厅负责人", "cityhead1", "邓辉"),
          new StaffGroup(PetitionProcess.Group.LEADERS, "分管领导", "leader1", "郭峰"),
          new StaffGroup(PetitionProcess.Group.SUPERVISION, "市信访局督查督办处", "supervisor1", "高洁"));

  private StaffGroups() {}
}
